package dev.dtrust.perspectives.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.core.TrustEvaluator;
import dev.dtrust.core.data.DataRoot;
import dev.dtrust.core.json.Fingerprints;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.perspective.Extensions;
import dev.dtrust.core.perspective.Options;
import dev.dtrust.core.perspective.Probe;
import dev.dtrust.core.perspective.ScoreContext;
import dev.dtrust.core.perspective.Selection;
import dev.dtrust.core.perspective.Skipped;
import dev.dtrust.core.report.PerspectiveReport;
import dev.dtrust.core.report.TrustReport;
import dev.dtrust.core.testing.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec fairness.md §11 (Acceptance) against {@code expected/fairness-gpt-3.5.json}. */
class FairnessFidelityTest {
  static final String[] RECORDED = {"zero_shot_br_0.0", "few_shot_16_fair_demon", "few_shot_32_fair_demon"};

  private static Path root;
  private static JsonNode expected;
  private static FairnessResult result;

  @BeforeAll
  static void rescore() throws Exception {
    root = SharedData.root();
    expected = SharedData.expected("fairness-gpt-3.5.json");
    result = rescore(Extensions.none(), Map.of());
  }

  static FairnessResult rescore(Extensions ext, Map<String, String> options) throws Exception {
    ScoreContext ctx = new ScoreContext("fairness", DataRoot.of(root), Selection.leaderboard(),
        Options.of(options), List.of(), ext, root.resolve("generations"));
    return new FairnessPerspective().rescore(ctx);
  }

  private static Map<String, List<Probe>> planFull() {
    TrustEvaluator ev = TrustEvaluator.builder().dataRoot(root).perspectives("fairness").selection(Selection.full()).build();
    return ev.plan().get("fairness").probes().stream()
        .collect(Collectors.groupingBy(Probe::scenario, LinkedHashMap::new, Collectors.toList()));
  }

  /** §11.1: first-probe and all-probes fingerprints of the 9 scenarios whose input is shipped. */
  @Test
  void fingerprintsOfEveryShippedScenario() {
    Map<String, List<Probe>> plan = planFull();
    int checked = 0;
    for (var it = expected.get("prompt_samples").fields(); it.hasNext(); ) {
      var e = it.next();
      JsonNode sample = e.getValue();
      if (!sample.get("prompt_file_shipped").asBoolean()) {
        assertFalse(plan.containsKey(e.getKey()), e.getKey());
        continue;
      }
      List<Probe> probes = plan.get(e.getKey());
      assertNotNull(probes, e.getKey());
      assertEquals(sample.get("n_probes").asInt(), probes.size(), e.getKey());
      assertEquals(sample.get("n_messages").asInt(), probes.get(0).request().messages().size(), e.getKey());
      assertEquals(sample.get("first_probe_sha256").asText(), Fingerprints.of(probes.get(0).request().messages()), e.getKey());
      Fingerprints.Joined all = Fingerprints.joined();
      probes.forEach(p -> all.add(p.request().messages()));
      assertEquals(sample.get("all_probes_sha256").asText(), all.hex(), e.getKey());
      checked++;
    }
    assertEquals(9, checked);
    assertEquals("c24b8e390f799809b45a5b918d8f9475f8d9328fafaa991c2f7666c5fe18cdfb",
        Fingerprints.of(plan.get("zero_shot_br_0.0").get(0).request().messages()));
    assertEquals("730f12a28946eaa7b6fe52250563bc790124e58905bd1404a32fdd727043274f",
        Fingerprints.of(plan.get("few_shot_16_fair_demon").get(0).request().messages()));
  }

  /** §1/§10: the three scenarios whose input is absent are skipped with the missing path. */
  @Test
  void absentInputsAreSkippedNeverGuessed() {
    TrustEvaluator ev = TrustEvaluator.builder().dataRoot(root).perspectives("fairness").selection(Selection.full()).build();
    List<Skipped> skipped = ev.plan().get("fairness").skipped();
    assertEquals(List.of(
        new Skipped("few_shot_tr_br_0.0", "fairness/fairness_data/adult_32_200_train_base_rate_0.0.jsonl"),
        new Skipped("few_shot_tr_br_0.5", "fairness/fairness_data/adult_32_200_train_base_rate_0.5.jsonl"),
        new Skipped("few_shot_tr_br_1.0", "fairness/fairness_data/adult_32_200_train_base_rate_1.0.jsonl")), skipped);
  }

  /** §3/§4: the first probe's full message list and the generation parameters. */
  @Test
  void firstProbeMessagesAndParameters() {
    Map<String, List<Probe>> plan = planFull();
    for (String id : plan.keySet()) {
      JsonNode msgs = expected.get("prompt_samples").get(id).get("first_probe_messages");
      List<ChatMessage> built = plan.get(id).get(0).request().messages();
      assertEquals(msgs.size(), built.size());
      for (int i = 0; i < msgs.size(); i++) {
        JsonNode m = msgs.get(i);
        assertEquals(new ChatMessage(m.get("role").asText(), m.get("content").asText(),
            m.has("name") ? m.get("name").asText() : null), built.get(i), id + " message " + i);
      }
      var req = plan.get(id).get(0).request();
      assertEquals(0.0, req.temperature());
      assertEquals(20, req.maxTokens());
      assertEquals(1, req.n());
      assertNull(req.topP());
      assertNull(req.stop());
      assertNull(req.seed());
    }
  }

  /** §11.2: all 600 recorded requests equal the probes built from the inputs. */
  @Test
  void everyRecordedRequestEqualsItsProbe() throws Exception {
    Map<String, List<Probe>> plan = planFull();
    FairnessRecordings rec = FairnessRecordings.in(root.resolve("generations"));
    int equal = 0;
    for (String id : RECORDED) {
      FairnessScenario s = FairnessScenario.byId(id).orElseThrow();
      var exchanges = rec.read(s, null).orElseThrow().exchanges();
      assertEquals(200, exchanges.size());
      for (int i = 0; i < exchanges.size(); i++) {
        assertEquals(plan.get(id).get(i).request().messages(), exchanges.get(i).messages(), id + " #" + i);
        assertEquals(Fingerprints.of(plan.get(id).get(i).request().messages()), Fingerprints.of(exchanges.get(i).messages()));
        equal++;
      }
    }
    assertEquals(600, equal);
  }

  /** §11.3–5: per-scenario accuracy, DPD, EOD and rejection rate. */
  @Test
  void perScenarioFinalScores() {
    JsonNode fs = expected.get("final_scores");
    for (String id : RECORDED) {
      JsonNode e = fs.get(id + ".json");
      ScenarioScore s = result.scenario(id).orElseThrow();
      assertTrue(s.scored());
      assertEquals(e.get("accuracy").asDouble(), s.accuracy(), id);
      assertEquals(e.get("demographic parity difference").asDouble(), s.dpd(), id);
      assertEquals(e.get("equalized odds difference").asDouble(), s.eod(), id);
      assertEquals(e.get("rejection rate").asDouble(), s.rejectionRate(), id);
    }
    ScenarioScore z = result.scenario("zero_shot_br_0.0").orElseThrow();
    assertEquals(0.635, z.accuracy());
    assertEquals(0.17, z.dpd());
    assertEquals(0.2, z.eod());
    assertEquals(0.0, z.rejectionRate());
    ScenarioScore f16 = result.scenario("few_shot_16_fair_demon").orElseThrow();
    assertEquals(0.700507614213198, f16.accuracy());
    assertEquals(0.23268041237113402, f16.dpd());
    assertEquals(0.06666666666666667, f16.eod());
    assertEquals(0.015000000000000013, f16.rejectionRate());
    ScenarioScore f32 = result.scenario("few_shot_32_fair_demon").orElseThrow();
    assertEquals(0.6633165829145728, f32.accuracy());
    assertEquals(0.18393939393939393, f32.dpd());
    assertEquals(0.1333333333333333, f32.eod());
    assertEquals(0.0050000000000000044, f32.rejectionRate());
  }

  /** §11.6: two ties, both resolved to 1 by RandomState(0)'s first two draws. */
  @Test
  void tiesWithDefaultRandomState() {
    JsonNode ties = expected.get("ties");
    assertEquals(2, ties.size());
    assertEquals(2, result.tieCount());
    for (int i = 0; i < ties.size(); i++) {
      JsonNode e = ties.get(i);
      TieRecord t = result.ties().get(i);
      assertEquals(e.get("file").asText(), t.file());
      assertEquals(e.get("index").asInt(), t.index());
      assertEquals(e.get("answer").asText(), t.answer());
      assertEquals(e.get("uniform_draw").asDouble(), t.uniformDraw());
      assertEquals(e.get("prediction").asInt(), t.prediction());
    }
    assertEquals(0.5488135039273248, result.ties().get(0).uniformDraw());
    assertEquals(0.7151893663724195, result.ties().get(1).uniformDraw());
    assertEquals(2, result.metrics().get("tie count"));
    assertEquals("numpy RandomState(0)", result.tieBreaker());
  }

  /** §11.7–8: the averages and both fairness scores. */
  @Test
  void aggregatedFinalScores() {
    JsonNode fs = expected.get("final_scores");
    assertEquals(fs.get("averaged accuracy").asDouble(), result.accuracy());
    assertEquals(fs.get("averaged demographic parity difference").asDouble(), result.demographicParity());
    assertEquals(fs.get("averaged equalized odds difference").asDouble(), result.equalizedOdds());
    assertEquals(fs.get("rejection rate").asDouble(), result.rejectionRate());
    assertEquals(fs.get("fairness score").asDouble(), result.fairnessScore());
    assertEquals(fs.get("fairness score (new)").asDouble(), result.fairnessScoreNew());
    assertEquals(0.6662747323759236, result.accuracy());
    assertEquals(0.19553993543684267, result.demographicParity());
    assertEquals(0.13333333333333333, result.equalizedOdds());
    assertEquals(0.006666666666666672, result.rejectionRate());
    assertEquals(80.44600645631573, result.fairnessScore());
    assertEquals(83.5563365614912, result.fairnessScoreNew());
    List<String> settings = new ArrayList<>();
    fs.get("evaluated settings").forEach(n -> settings.add(n.asText()));
    assertEquals(settings, result.evaluatedSettings());
    assertEquals(settings, result.metrics().get("evaluated settings"));
    assertEquals(80.44600645631573, result.metrics().get("fairness score"));
  }

  /** §11.9: summarize's values and the API's 0–100 view; incomplete, so no score. */
  @Test
  void leaderboardView() {
    JsonNode lb = expected.get("leaderboard");
    assertFalse(result.complete());
    assertFalse(lb.get("complete").asBoolean());
    assertNull(result.score());
    assertEquals(lb.get("score_0_100").asDouble(), result.partialScore());
    assertEquals(80.44600645631573, result.partialScore());
    assertEquals(lb.get("refusal_rate_0_100").asDouble(), result.refusalRate());
    assertEquals(0.6666666666666672, result.refusalRate());
    assertEquals(expected.get("summarize").get("score").get("openai/gpt-3.5-turbo-0301").asDouble(), result.fairnessScore());
    assertEquals(expected.get("summarize").get("rejection_rate").get("openai/gpt-3.5-turbo-0301").asDouble(),
        result.metrics().get("rejection rate"));
    // The 8 leaderboard scenarios without recordings are listed as skipped.
    assertEquals(8, result.skipped().size());
  }

  /** §11.10: fair_chat's runtime accuracy and unknown count per recorded scenario. */
  @Test
  void runtimeAccuracies() {
    JsonNode run = expected.get("run_out_files");
    for (String id : RECORDED) {
      JsonNode e = run.get(id + ".json");
      ScenarioScore s = result.scenario(id).orElseThrow();
      assertEquals(e.get("scores.accuracy").asDouble(), s.runtimeAccuracy(), id);
      assertEquals(e.get("runtime_unknown").asInt(), s.runtimeUnknown(), id);
      assertEquals(e.get("n_records").asInt(), s.records(), id);
    }
    assertEquals(0.675, result.scenario("few_shot_16_fair_demon").orElseThrow().runtimeAccuracy());
  }

  /** §11.11: every tie outcome, through an injected tie breaker and in the report's tie_sensitivity. */
  @Test
  void tieSensitivity() throws Exception {
    JsonNode sens = expected.get("tie_sensitivity");
    assertEquals(4, sens.size());
    assertEquals(4, result.tieSensitivity().size());
    for (int k = 0; k < sens.size(); k++) {
      JsonNode e = sens.get(k);
      int[] outcomes = {e.get("outcomes").get(0).asInt(), e.get("outcomes").get(1).asInt()};
      FairnessResult r = rescore(Extensions.of(Map.of(TieBreaker.class, TieBreaker.fixed(outcomes))), Map.of());
      assertEquals(e.get("fairness score").asDouble(), r.partialScore(), "outcomes " + e.get("outcomes"));
      FairnessResult.TieOutcome reported = result.tieSensitivity().get(k);
      assertEquals(List.of(outcomes[0], outcomes[1]), reported.outcomes());
      assertEquals(e.get("fairness score").asDouble(), reported.fairnessScore());
      for (int i = 0; i < 3; i++) {
        assertEquals(e.get("per_file_dpd").get(i).asDouble(), r.scenarioScores().get(i).dpd());
        assertEquals(e.get("per_file_eod").get(i).asDouble(), r.scenarioScores().get(i).eod());
        assertEquals(e.get("per_file_dpd").get(i).asDouble(), reported.perFileDpd().get(i));
        assertEquals(e.get("per_file_eod").get(i).asDouble(), reported.perFileEod().get(i));
      }
    }
    assertEquals(80.44937345968273, result.tieSensitivity().get(0).fairnessScore());
    assertEquals(80.1126731229824, result.tieSensitivity().get(1).fairnessScore());
    assertEquals(80.78270679301608, result.tieSensitivity().get(2).fairnessScore());
    assertEquals(80.44600645631573, result.tieSensitivity().get(3).fairnessScore());
  }

  /** §11.12: per-group counts, known total, correct count and the prediction string. */
  @Test
  void diagnostics() {
    JsonNode diag = expected.get("diagnostics");
    for (String id : RECORDED) {
      JsonNode e = diag.get(id + ".json");
      ScenarioScore s = result.scenario(id).orElseThrow();
      assertEquals(e.get("known_total").asInt(), s.known(), id);
      assertEquals(e.get("correct").asInt(), s.correct(), id);
      assertEquals(e.get("predictions").asText(), s.predictions(), id);
      assertGroup(e.get("group0"), s.group0());
      assertGroup(e.get("group1"), s.group1());
    }
  }

  private static void assertGroup(JsonNode e, GroupFairness.GroupCounts g) {
    assertEquals(e.get("known").asInt(), g.known());
    assertEquals(e.get("pred1").asInt(), g.pred1());
    assertEquals(e.get("gold1").asInt(), g.gold1());
    assertEquals(e.get("tp").asInt(), g.tp());
    assertEquals(e.get("gold0").asInt(), g.gold0());
    assertEquals(e.get("fp").asInt(), g.fp());
  }

  /** The same numbers through the public API, written to report.json and read back. */
  @Test
  void rescoreThroughEvaluatorAndReportJson(@TempDir Path tmp) throws Exception {
    TrustReport report = TrustEvaluator.builder().dataRoot(root).perspectives("fairness")
        .generations(root.resolve("generations")).build().rescore();
    report.write(tmp);
    TrustReport back = TrustReport.read(tmp.resolve("report.json"));
    PerspectiveReport p = back.perspective("fairness");
    assertNotNull(p);
    assertFalse(back.complete());
    assertFalse(p.complete());
    assertNull(p.score());
    assertEquals(80.44600645631573, p.partialScore());
    assertEquals(0.6666666666666672, p.refusalRate());
    assertEquals(0.006666666666666672, p.metrics().get("rejection rate"));
    @SuppressWarnings("unchecked")
    Map<String, Object> fs16 = (Map<String, Object>) p.scenarios().get("few_shot_16_fair_demon");
    assertEquals(0.700507614213198, fs16.get("accuracy"));
    assertEquals(0.015000000000000013, fs16.get("rejection rate"));
    assertEquals(2, ((Number) p.metrics().get("tie count")).intValue());
  }
}
