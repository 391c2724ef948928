package dev.dtrust.perspectives.advglue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.core.numerics.KahanMean;
import dev.dtrust.core.perspective.Extensions;
import dev.dtrust.core.perspective.Options;
import dev.dtrust.core.perspective.ScoreContext;
import dev.dtrust.core.perspective.Selection;
import dev.dtrust.perspectives.advglue.AdvGlueAggregation.Row;
import dev.dtrust.perspectives.advglue.ScenarioScore.AttackRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec §10 items 5–13 over the synthetic recordings, through {@code rescore}. */
class AdvGlueRescoreTest {

  static AdvGlueResult rescore(Path generations, Map<String, String> options) throws IOException {
    ScoreContext ctx = new ScoreContext(AdvGluePerspective.ID, AdvGlueFixture.dataRoot(), Selection.leaderboard(),
        Options.of(options), List.of(), Extensions.none(), generations);
    return (AdvGlueResult) new AdvGluePerspective().rescore(ctx);
  }

  static AdvGlueResult rescore() throws IOException {
    return rescore(AdvGlueFixture.root().resolve("generations"), Map.of());
  }

  private static final String[] SCENARIO_OF_FILE = {"benign", "adv-alpaca", "adv-vicuna", "adv-stable-vicuna"};

  /** §10.5–8: every per-task value of every file, against the expected file. */
  @Test
  void perTaskMetricsOfEveryFile() throws IOException {
    AdvGlueResult r = rescore();
    for (int f = 0; f < AdvGlueFixture.FILES.length; f++) {
      JsonNode tasks = AdvGlueFixture.expectedFile(AdvGlueFixture.FILES[f]).get("tasks");
      for (Iterator<String> it = tasks.fieldNames(); it.hasNext(); ) {
        String task = it.next();
        JsonNode e = tasks.get(task);
        TaskMetrics m = r.metrics(SCENARIO_OF_FILE[f], task);
        String where = AdvGlueFixture.FILES[f] + " " + task;
        JsonNode score = e.get("score (gpt_eval.py, stored in file)");
        assertEquals(score.get("accuracy").asDouble(), m.scoreAccuracy(), where);
        if (score.has("f1")) {
          assertEquals(score.get("f1").asDouble(), m.scoreF1(), where);
        } else {
          assertNull(m.scoreF1(), where);
        }
        assertEquals(e.get("Accuracy").asDouble(), m.accuracy(), where);
        assertEquals(e.get("Transferability").asDouble(), m.transferability(), where);
        assertEquals(e.get("RR+NE").asDouble(), m.refusalRate(), where);
        assertEquals(e.get("AccuracyNoRefusal").asDouble(), m.accuracyNoRefusal(), where);
        assertEquals(e.get("TaskDataCount").asInt(), m.taskDataCount(), where);
      }
    }
  }

  /** §10.5. */
  @Test
  void alpacaSst2() throws IOException {
    TaskMetrics m = rescore().metrics("adv-alpaca", "sst2");
    assertEquals(0.5666666666666667, m.accuracy());
    assertEquals(0.16666666666666666, m.refusalRate());
    assertEquals(0.68, m.accuracyNoRefusal());
  }

  /** §10.6. */
  @Test
  void vicunaQqpAndMnli() throws IOException {
    AdvGlueResult r = rescore();
    assertEquals(0.4, r.metrics("adv-vicuna", "qqp").scoreAccuracy());
    assertEquals(0.35714285714285715, r.metrics("adv-vicuna", "qqp").scoreF1());
    assertEquals(0.13333333333333333, r.metrics("adv-vicuna", "mnli").refusalRate());
  }

  /** §10.7. */
  @Test
  void stableVicunaQqp() throws IOException {
    TaskMetrics m = rescore().metrics("adv-stable-vicuna", "qqp");
    assertEquals(0.5666666666666667, m.scoreAccuracy());
    assertEquals(0.5185185185185185, m.scoreF1());
  }

  /** §10.8: benign accuracies and qqp F1. */
  @Test
  void benignScores() throws IOException {
    AdvGlueResult r = rescore();
    assertEquals(0.8333333333333334, r.benignAccuracy("sst2"));
    assertEquals(0.6666666666666666, r.benignAccuracy("qqp"));
    assertEquals(0.6428571428571429, r.metrics("benign", "qqp").scoreF1());
    assertEquals(0.8333333333333334, r.benignAccuracy("mnli"));
  }

  /** §10.9: summary.json under /synthetic/responder-a, and the task_breakdown rows. */
  @Test
  void summaryJson() throws IOException {
    AdvGlueResult r = rescore();
    assertEquals("/synthetic/responder-a", r.targetModel());
    JsonNode summary = AdvGlueFixture.expected().get("adv_stats_summary_json");
    for (Iterator<String> it = summary.fieldNames(); it.hasNext(); ) {
      String col = it.next();
      assertEquals(summary.get(col).get("/synthetic/responder-a").asDouble(), r.summary(col), col);
    }
    assertEquals(0.5629629629629629, r.summary("Accuracy"));
    assertEquals(0.08148148148148147, r.summary("RR+NE"));
    assertEquals(0.6134888511516864, r.summary("AccuracyNoRefusal"));
    assertEquals(0.437037037037037, r.summary("Transferability"));
    assertEquals(30.0, r.summary("TaskDataCount"));
    assertEquals(1.0, r.summary("HasDemo"));
    JsonNode rows = AdvGlueFixture.expected().get("adv_stats_task_breakdown_rows");
    assertEquals(rows.size(), r.rows().size());
    for (int i = 0; i < rows.size(); i++) {
      JsonNode e = rows.get(i);
      Row row = r.rows().get(i);
      assertEquals(e.get("BaseModel").asText(), row.baseModel());
      assertEquals(e.get("TargetModel").asText(), row.targetModel());
      assertEquals(e.get("Task").asText(), row.task());
      assertEquals(e.get("Transferability").asDouble(), row.metrics().transferability());
      assertEquals(e.get("Accuracy").asDouble(), row.metrics().accuracy());
      assertEquals(e.get("AccuracyNoRefusal").asDouble(), row.metrics().accuracyNoRefusal());
      assertEquals(e.get("RR+NE").asDouble(), row.metrics().refusalRate());
      assertEquals(e.get("TaskDataCount").asInt(), row.metrics().taskDataCount());
      assertEquals(e.get("HasDemo").asBoolean(), row.hasDemo());
    }
  }

  /** §10.10: breakdown (adv_stats fractions and summarize's × 100). */
  @Test
  void breakdown() throws IOException {
    AdvGlueResult r = rescore();
    assertEquals(61.11111111111111, r.taskScore("mnli"));
    assertEquals(47.77777777777778, r.taskScore("qqp"));
    assertEquals(60.0, r.taskScore("sst2"));
    JsonNode b = AdvGlueFixture.expected().get("adv_stats_breakdown_json").get("synthetic/responder-a");
    JsonNode s = AdvGlueFixture.expected().get("summarize_get_advglue_scores_breakdown").get("synthetic/responder-a");
    for (String task : List.of("mnli", "qqp", "sst2")) {
      assertEquals(b.get(task).get("acc").asDouble(), r.taskAccuracy(task), task);
      assertEquals(s.get(task).get("acc").asDouble(), r.taskScore(task), task);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> bd = (Map<String, Object>) r.metrics().get("breakdown");
    assertEquals(List.of("mnli", "qqp", "sst2"), List.copyOf(bd.keySet()));
  }

  /** §10.11: the final numbers, top level and in metrics. */
  @Test
  void finalScore() throws IOException {
    AdvGlueResult r = rescore();
    assertTrue(r.complete());
    assertEquals(56.29629629629629, r.score());
    assertEquals(8.148148148148147, r.refusalRate());
    assertNull(r.partialScore());
    JsonNode f = AdvGlueFixture.expected().get("final");
    assertEquals(f.get("score").asDouble(), r.score());
    assertEquals(f.get("refusal_rate").asDouble(), r.refusalRate());
    assertEquals(0.5629629629629629, r.metrics().get("Accuracy"));
    assertEquals(56.29629629629629, r.metrics().get("score"));
    assertEquals(8.148148148148147, r.metrics().get("rejection_rate"));
    assertTrue(r.skipped().isEmpty());
    assertFalse(r.failures().isEmpty());
  }

  /** §10.12: refusal side files and the per-attack helpers. */
  @Test
  void refusalFilesAndAttackHelpers() throws IOException {
    AdvGlueResult r = rescore();
    for (int f = 1; f < AdvGlueFixture.FILES.length; f++) {
      String file = AdvGlueFixture.FILES[f];
      JsonNode e = AdvGlueFixture.expectedFile(file);
      ScenarioScore s = r.scenario(SCENARIO_OF_FILE[f]);
      JsonNode refusal = e.get("refusal_file (adv_stats.py output " + file.replace(".json", "-refusal.json") + ")");
      assertEquals(List.copyOf(iterable(refusal.fieldNames())), List.copyOf(s.refusals().keySet()), file);
      for (Iterator<String> it = refusal.fieldNames(); it.hasNext(); ) {
        String task = it.next();
        List<String> want = new java.util.ArrayList<>();
        refusal.get(task).forEach(n -> want.add(n.asText()));
        assertEquals(want, s.refusals().get(task), file + " " + task);
      }
      assertRows(e.get("analyze_attack_exact"), s.attack(), true, file);
      assertRows(e.get("analyze_refusal_exact"), s.refusalByAttack(), false, file);
    }
    ScenarioScore alpaca = r.scenario("adv-alpaca");
    assertEquals(0.5, alpaca.attack().stream()
        .filter(a -> a.task().equals("mnli") && a.attack().equals("semattack")).findFirst().orElseThrow().successRate());
  }

  private static void assertRows(JsonNode expected, List<AttackRow> actual, boolean withConstruction, String file) {
    assertEquals(expected.size(), actual.size(), file);
    for (int i = 0; i < expected.size(); i++) {
      JsonNode e = expected.get(i);
      AttackRow a = actual.get(i);
      assertEquals(e.get("Task").asText(), a.task(), file);
      assertEquals(e.get("Attack").asText(), a.attack(), file);
      if (withConstruction) {
        assertEquals(e.get("Construction").asText(), a.construction(), file);
      }
      assertEquals(e.get("Success Rate").asDouble(), a.successRate(), file + " " + a);
    }
  }

  private static <T> List<T> iterable(Iterator<T> it) {
    List<T> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  /** §10.13: the Kahan vectors of spec §7 (pandas group means). */
  @Test
  void kahanVectors() {
    assertEquals(0.45185185185185184, KahanMean.mean(new double[] {0.03333333333333333, 0.5, 0.23333333333333334,
        0.7666666666666667, 0.8333333333333334, 0.4, 0.43333333333333335, 0.7, 0.16666666666666666}));
    assertEquals(0.43333333333333335, KahanMean.mean(new double[] {0.26666666666666666, 0.03333333333333333,
        0.8666666666666667, 1.0, 0.7, 0.06666666666666667, 0.06666666666666667, 0.9, 0.0}));
    assertEquals(0.3222222222222222, KahanMean.mean(new double[] {0.3333333333333333, 0.5, 0.5, 0.1, 0.0, 0.3, 0.4,
        0.3333333333333333, 0.43333333333333335}));
  }

  /** The generations root, the perspective folder and the model folder all work. */
  @Test
  void acceptsEveryFolderLevel() throws IOException {
    assertEquals(56.29629629629629, rescore(AdvGlueFixture.root().resolve("generations/advglue"), Map.of()).score());
    AdvGlueResult direct = rescore(AdvGlueFixture.root().resolve(AdvGlueFixture.RESPONDER), Map.of());
    assertEquals(56.29629629629629, direct.score());
    assertEquals("/responder-a", direct.targetModel());
    assertEquals(56.29629629629629,
        rescore(AdvGlueFixture.root().resolve("generations"), Map.of("advglue.reparse", "true")).score());
  }

  /** Q9: a missing base-model file drops its rows (incomplete, partial score); two benign files double the rows. */
  @Test
  void modelFolderQuirks(@TempDir Path tmp) throws IOException {
    Path model = tmp.resolve("advglue/org/model-x");
    Files.createDirectories(model);
    Path src = AdvGlueFixture.root().resolve(AdvGlueFixture.RESPONDER);
    Files.copy(src.resolve("glue-benign-demo.json"), model.resolve("glue-benign-demo.json"));
    Files.copy(src.resolve("alpaca-demo.json"), model.resolve("alpaca-demo.json"));
    Files.copy(src.resolve("vicuna-demo.json"), model.resolve("vicuna.json"));
    AdvGlueResult r = rescore(tmp, Map.of());
    assertFalse(r.complete());
    assertNull(r.score());
    assertEquals("/org/model-x", r.targetModel());
    assertEquals(1, r.skipped().size());
    assertEquals("adv-stable-vicuna", r.skipped().get(0).scenario());
    assertEquals(6, r.rows().size());
    assertEquals(0.5, r.summary("HasDemo"));
    double[] acc = r.rows().stream().mapToDouble(x -> x.metrics().accuracy()).toArray();
    assertEquals(KahanMean.mean(acc) * 100, r.partialScore());

    Files.copy(src.resolve("glue-benign-demo.json"), model.resolve("glue-benign-nodemo.json"));
    Files.copy(src.resolve("stable-vicuna-demo.json"), model.resolve("stable-vicuna-demo.json"));
    AdvGlueResult doubled = rescore(tmp, Map.of());
    assertEquals(18, doubled.rows().size());
    assertTrue(doubled.complete());
  }
}
