package dev.dtrust.perspectives.machineethics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.core.TrustEvaluator;
import dev.dtrust.core.perspective.Options;
import dev.dtrust.core.perspective.ScoreContext;
import dev.dtrust.core.perspective.Selection;
import dev.dtrust.core.data.DataRoot;
import dev.dtrust.core.perspective.Extensions;
import dev.dtrust.core.report.PerspectiveReport;
import dev.dtrust.core.report.TrustReport;
import dev.dtrust.core.testing.SharedData;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec §11 acceptance 1-6 and 10: rescoring the shipped recordings reproduces upstream exactly. */
class MachineEthicsRescoreTest {

  static MachineEthicsResult rescore(String generations, Map<String, String> options) throws Exception {
    Path root = SharedData.root();
    ScoreContext ctx =
        new ScoreContext(
            MachineEthicsPerspective.ID, DataRoot.of(root), Selection.leaderboard(), Options.of(options),
            List.of(), Extensions.none(), root.resolve(generations));
    return (MachineEthicsResult) new MachineEthicsPerspective().rescore(ctx);
  }

  /** Acceptance 4: every metric of the synthetic complete model, in upstream's key order. */
  @Test
  void syntheticCompleteModelMetricsAreExact() throws Exception {
    JsonNode exp = SharedData.expected("machine_ethics-synthetic.json").get("complete");
    MachineEthicsResult r = rescore("generations/machine_ethics/synthetic", Map.of());
    JsonNode metrics = exp.get("metrics");
    Iterator<String> names = metrics.fieldNames();
    List<String> keys = r.commonsense().keySet().stream().toList();
    int i = 0;
    while (names.hasNext()) {
      String k = names.next();
      assertEquals(k, keys.get(i++), "key order (scores.jsonl line)");
      JsonNode v = metrics.get(k);
      if (v.isTextual()) {
        assertEquals(v.asText(), r.metrics().get(k), k);
      } else {
        assertEquals(v.asDouble(), (Double) r.metrics().get(k), k);
        assertEquals(exp.get("metrics_repr").get(k).asText(), dev.dtrust.core.numerics.PythonFloat.repr((Double) r.metrics().get(k)), k);
      }
    }
    assertEquals(keys.size(), i);
    assertTrue(r.complete());
    assertEquals(57.952380952380956, r.score());
    assertEquals(23.333333333333332, r.refusalRate());
    assertNull(r.partialScore());
    assertEquals(0.5714285714285714, r.accZero());
    assertEquals(0.5, r.accFew());
    assertEquals(0.4533333333333333, r.avgFprJailbreak());
    assertEquals(0.30000000000000004, r.avgFprEvasive());
  }

  /** Acceptance 5: upstream's summary layout for the synthetic model. */
  @Test
  void syntheticSummary() throws Exception {
    JsonNode exp = SharedData.expected("machine_ethics-synthetic.json").get("complete").get("summary_machine_ethics");
    MachineEthicsResult r = rescore("generations/machine_ethics/synthetic", Map.of());
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> summary = (Map<String, Map<String, Object>>) r.metrics().get("summary");
    assertEquals(exp.get("agg_score").get("synthetic/model-a").asDouble(), summary.get("agg_score").get("synthetic/model-a"));
    assertEquals(exp.get("ref_rate").get("synthetic/model-a").asDouble(), summary.get("ref_rate").get("synthetic/model-a"));
    assertEquals(1, summary.get("agg_score").size());
  }

  /** upstream's summary.json entries, including the read_json breakdown drift (spec Q9). */
  @Test
  void summaryExportMatchesUpstreamSummary() throws Exception {
    JsonNode exp = SharedData.expected("machine_ethics-synthetic.json").get("complete");
    MachineEthicsResult r = rescore("generations/machine_ethics/synthetic", Map.of());
    Map<String, Object> s = r.summarize();
    @SuppressWarnings("unchecked")
    Map<String, Object> agg = (Map<String, Object>) s.get("aggregated");
    assertEquals(exp.get("summary_machine_ethics").get("agg_score").get("synthetic/model-a").asDouble(), agg.get("agg_score"));
    assertEquals(exp.get("summary_machine_ethics").get("ref_rate").get("synthetic/model-a").asDouble(), agg.get("ref_rate"));
    @SuppressWarnings("unchecked")
    Map<String, Object> breakdown = (Map<String, Object>) s.get("breakdown");
    JsonNode want = exp.get("summary_breakdown_machine_ethics").get("model");
    for (Iterator<String> it = want.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      assertEquals(want.get(k).asDouble(), breakdown.get(k), k);
    }
    assertEquals(want.size(), breakdown.size());
    // the incomplete model: NaN upstream, null here
    MachineEthicsResult inc = rescore("generations/machine_ethics/synthetic_incomplete", Map.of());
    @SuppressWarnings("unchecked")
    Map<String, Object> incAgg = (Map<String, Object>) inc.summarize().get("aggregated");
    assertNull(incAgg.get("agg_score"));
    assertNull(incAgg.get("ref_rate"));
  }

  /** Acceptance 6: the incomplete model scores null. */
  @Test
  void syntheticIncompleteModelIsNull() throws Exception {
    MachineEthicsResult r = rescore("generations/machine_ethics/synthetic_incomplete", Map.of());
    assertFalse(r.complete());
    assertNull(r.score());
    assertNull(r.refusalRate());
    assertEquals("synthetic/model-b-incomplete", r.metrics().get("model"));
    assertTrue(r.metrics().containsKey("agg_score"));
    assertNull(r.metrics().get("agg_score"));
    assertNull(r.metrics().get("ref_rate"));
  }

  /** Q5 deviation: with both synthetic models in one root, each is scored on its own. */
  @Test
  void incompleteModelDoesNotAffectOthers(@TempDir Path tmp) throws Exception {
    Path root = SharedData.root();
    Path both = tmp.resolve("ethics_commonsense_short/synthetic");
    copyTree(root.resolve("generations/machine_ethics/synthetic/ethics_commonsense_short/synthetic"), both);
    copyTree(root.resolve("generations/machine_ethics/synthetic_incomplete/ethics_commonsense_short/synthetic"), both);
    ScoreContext ctx =
        new ScoreContext(MachineEthicsPerspective.ID, DataRoot.of(root), Selection.leaderboard(),
            Options.of(Map.of("machine_ethics.model", "synthetic/model-a")), List.of(), Extensions.none(), tmp);
    MachineEthicsResult r = (MachineEthicsResult) new MachineEthicsPerspective().rescore(ctx);
    assertEquals(57.952380952380956, r.score());
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> summary = (Map<String, Map<String, Object>>) r.metrics().get("summary");
    assertEquals(57.952380952380956, summary.get("agg_score").get("synthetic/model-a"));
    assertTrue(summary.get("agg_score").containsKey("synthetic/model-b-incomplete"));
    assertNull(summary.get("agg_score").get("synthetic/model-b-incomplete"));
  }

  static void copyTree(Path from, Path to) throws Exception {
    try (var s = java.nio.file.Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (java.nio.file.Files.isDirectory(p)) {
          java.nio.file.Files.createDirectories(target);
        } else {
          java.nio.file.Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** Acceptance 1: the shipped GPT-3.5 recordings as-is give null scores (incomplete). */
  @Test
  void gpt35AsIsIsNull() throws Exception {
    JsonNode exp = SharedData.expected("machine_ethics-gpt-3.5.json").get("as_is").get("scores_jsonl").get(0);
    MachineEthicsResult r = rescore("generations/machine_ethics/ethics", Map.of());
    assertFalse(r.complete());
    assertNull(r.score());
    assertNull(r.refusalRate());
    assertEquals(exp.get("dataset").asText(), r.metrics().get("dataset"));
    assertEquals(exp.get("model").asText(), r.metrics().get("model"));
    assertNull(r.metrics().get("agg_score"));
    assertNull(r.metrics().get("ref_rate"));
  }

  /** Acceptance 2: check bypassed → the partial metrics, and per-file values. */
  @Test
  void gpt35CheckBypassedMetricsAreExact() throws Exception {
    JsonNode exp = SharedData.expected("machine_ethics-gpt-3.5.json").get("check_bypassed");
    MachineEthicsResult r = rescore("generations", Map.of("machine_ethics.model", "gpt-3.5-turbo-0301"));
    JsonNode metrics = exp.get("metrics");
    List<String> keys = r.commonsense().keySet().stream().toList();
    int i = 0;
    for (Iterator<String> it = metrics.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      assertEquals(k, keys.get(i++));
      if (metrics.get(k).isTextual()) {
        assertEquals(metrics.get(k).asText(), r.commonsense().get(k));
      } else {
        assertEquals(metrics.get(k).asDouble(), (Double) r.commonsense().get(k), k);
      }
    }
    assertEquals(79.49218928240352, r.partialScore());
    assertEquals(0.199, r.avgFprJailbreak());
    assertEquals(0.21115621435192974, r.avgFprEvasive());
    assertEquals(0.0, r.avgRefJailbreak());
    assertEquals(0.014000000000000002, r.avgRefEvasive());
    assertEquals(0.7000000000000001, r.refRate());
    @SuppressWarnings("unchecked")
    Map<String, Object> cs = (Map<String, Object>) r.scenarios().get("ethics_commonsense_short");
    assertEquals(0.199, cs.get("avg_fpr_jb"));
    JsonNode perFile = exp.get("per_file");
    for (Iterator<String> it = perFile.fieldNames(); it.hasNext(); ) {
      String file = it.next();
      JsonNode pf = perFile.get(file);
      @SuppressWarnings("unchecked")
      Map<String, Object> got = (Map<String, Object>) r.scenarios().get("ethics_commonsense_short/" + file.replace(".json", ""));
      String fpr = pf.get("fpr").asText();
      assertEquals(fpr, got.get("false_positives") + "/" + got.get("answered"), file);
      JsonNode fprValue = pf.has("fpr_jb") ? pf.get("fpr_jb") : pf.get("fpr_ev");
      JsonNode refValue = pf.has("ref_jb") ? pf.get("ref_jb") : pf.get("ref_ev");
      assertEquals(fprValue.asDouble(), got.get("fpr"), file);
      assertEquals(refValue.asDouble(), got.get("ref"), file);
    }
  }

  /** Acceptance 3: the 2023 pooled scorer gives the published numbers. */
  @Test
  void legacyScorer2023() throws Exception {
    JsonNode exp = SharedData.expected("machine_ethics-gpt-3.5.json").get("legacy_scorer_2023").get("values");
    MachineEthicsResult r = rescore("generations/machine_ethics/ethics", Map.of("machine_ethics.legacyScorer", "true"));
    @SuppressWarnings("unchecked")
    Map<String, Object> legacy = (Map<String, Object>) r.scenarios().get("legacy_scorer_2023");
    for (String k : List.of("fpr_jb", "ref_jb", "fpr_ev", "ref_ev")) {
      assertEquals(exp.get(k).asDouble(), legacy.get(k), k);
    }
  }

  /** Acceptance 10: the running mean depends on file order, as spec Q4 lists. */
  @Test
  void orderSensitivity() {
    JsonNode exp = SharedData.expected("machine_ethics-gpt-3.5.json").get("order_sensitivity");
    double[] fpr = {0.045, 0.2, 0.335, 0.085, 0.33}; // jailbreak 1..5 (per_file)
    int[][] orders = {{1, 2, 3, 4, 5}, {1, 2, 5, 3, 4}, {2, 4, 3, 5, 1}};
    String[] want = {"0.199", "0.19899999999999998", "0.19900000000000004"};
    for (int o = 0; o < orders.length; o++) {
      double sum = 0;
      int cnt = 0;
      double avg = 0;
      for (int k : orders[o]) {
        sum += fpr[k - 1];
        cnt++;
        avg = sum / cnt;
      }
      assertEquals(want[o], dev.dtrust.core.numerics.PythonFloat.repr(avg));
      boolean listed = false;
      for (JsonNode v : exp.get("avg_fpr_jb_all_orders")) {
        listed |= v.asText().equals(want[o]);
      }
      assertTrue(listed);
    }
    assertEquals(exp.get("avg_fpr_jb_sorted_order_1to5").asText(), "0.199");
  }

  /** The report.json section through the Java API. */
  @Test
  void reportSectionThroughTheEvaluator(@TempDir Path out) throws Exception {
    Path root = SharedData.root();
    TrustReport report =
        TrustEvaluator.builder()
            .dataRoot(root)
            .perspectives("machine_ethics")
            .generations(root.resolve("generations/machine_ethics/synthetic"))
            .build()
            .rescore();
    report.write(out);
    TrustReport back = TrustReport.read(out.resolve("report.json"));
    PerspectiveReport p = back.perspectives().get("machine_ethics");
    assertEquals(57.952380952380956, p.score());
    assertEquals(23.333333333333332, p.refusalRate());
    assertTrue(p.complete());
  }
}
