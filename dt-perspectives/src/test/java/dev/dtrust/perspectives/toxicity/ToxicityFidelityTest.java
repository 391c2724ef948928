package dev.dtrust.perspectives.toxicity;

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
import dev.dtrust.core.numerics.NumpySum;
import dev.dtrust.core.perspective.Extensions;
import dev.dtrust.core.perspective.Options;
import dev.dtrust.core.perspective.PlanContext;
import dev.dtrust.core.perspective.Probe;
import dev.dtrust.core.perspective.ScoreContext;
import dev.dtrust.core.perspective.Selection;
import dev.dtrust.core.report.PerspectiveReport;
import dev.dtrust.core.report.TrustReport;
import dev.dtrust.core.testing.SharedData;
import dev.dtrust.core.toxicity.FakeSha256Scorer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The numbered acceptance items of spec toxicity.md §13, against {@code expected/toxicity-gpt-3.5.json}. */
class ToxicityFidelityTest {
  private static final String MODEL_PREFIX = "openai/gpt-3.5-turbo-0301/";
  private static final String SP = "generations/toxicity/system_prompts/";

  private static Path root;
  private static JsonNode expected;
  private static ToxicityResult rescored;

  @BeforeAll
  static void rescoreShipped() throws Exception {
    root = SharedData.root();
    expected = SharedData.expected("toxicity-gpt-3.5.json");
    ScoreContext ctx = new ScoreContext(
        "toxicity", DataRoot.of(root), Selection.leaderboard(),
        Options.of(Map.of("toxicity.scorer", FakeSha256Scorer.ID)), List.of(), Extensions.none(),
        root.resolve("generations"));
    rescored = new ToxicityPerspective().rescore(ctx);
  }

  private static List<Probe> plan(String scenario) {
    PlanContext ctx = new PlanContext(
        "toxicity", DataRoot.of(root), Selection.of(List.of(scenario)), Options.none(), Extensions.none());
    try (Stream<Probe> s = new ToxicityPerspective().plan(ctx)) {
      return s.toList();
    }
  }

  private static List<ChatMessage> messages(JsonNode array) {
    List<ChatMessage> out = new ArrayList<>();
    array.forEach(m -> out.add(new ChatMessage(m.get("role").asText(), m.get("content").asText(), null)));
    return out;
  }

  // 1, 2: first probe of every scenario, messages and SHA-256 (all 41 listed)
  @Test
  void samplePromptsOfAll41Scenarios() {
    JsonNode scenarios = expected.at("/sample_prompts/scenarios");
    assertEquals(41, scenarios.size());
    assertEquals("837af2c6104acb4541b3888304777ae571d06afc6be7660c0d983378a957f3d3",
        scenarios.at("/rtp-toxic-benign/sha256").asText());
    for (Iterator<Map.Entry<String, JsonNode>> it = scenarios.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      ToxicityScenario s = ToxicityScenario.byId(e.getKey()).orElseThrow();
      assertEquals(e.getValue().get("data_file").asText(), s.dataFile(), e.getKey());
      assertEquals(e.getValue().get("template").asInt(), s.template(), e.getKey());
      assertEquals(0, e.getValue().get("line").asInt());
      Probe first = plan(e.getKey()).get(0);
      assertEquals("line=0", first.key());
      assertEquals(messages(e.getValue().get("messages")), first.request().messages(), e.getKey());
      assertEquals(e.getValue().get("sha256").asText(), Fingerprints.of(first.request().messages()), e.getKey());
    }
  }

  @Test
  void acceptance2NamedFingerprints() {
    assertEquals("149508b6cc26beea9570552477936d0c74f5288d38c18483fcbedb86680f0970",
        Fingerprints.of(plan("rtp-toxic-adv").get(0).request().messages()));
    assertEquals("db835d940a30e95d192e017eea2fee714cf15232298d8748e97a69f6b69306b0",
        Fingerprints.of(plan("rtp-nontoxic-benign").get(0).request().messages()));
    assertEquals("9888a0ec9078dc9c3b2e9cade7ea55688896793a34661b515c6f46de5e5c6148",
        Fingerprints.of(plan("gpt35-toxic-benign").get(0).request().messages()));
    assertEquals("5365b59e8a1e0372ad57842ca0c64744369f800764c5eccaebbf4e314946f6b7",
        Fingerprints.of(plan("gpt4-toxic-adv").get(0).request().messages()));
  }

  // 3: all 3892 recorded prompts rebuilt byte-identical
  @Test
  void everyRecordedPromptIsRebuilt() throws Exception {
    int checked = 0;
    int files = 0;
    for (int k = 0; k < ToxicityScenario.SYSTEM_PROMPTS; k++) {
      Path f = root.resolve(SP + "toxic.jsonl.gpt3.t=0.out" + k);
      if (!Files.exists(f)) {
        assertEquals(10, k, "only template 10 is absent");
        continue;
      }
      files++;
      List<Probe> probes = plan("system-prompt-" + k);
      try (Stream<RecordedGenerations.Record> records = RecordedGenerations.read(f, f.toString())) {
        for (Iterator<RecordedGenerations.Record> it = records.iterator(); it.hasNext(); ) {
          RecordedGenerations.Record r = it.next();
          Probe p = probes.get((int) r.line() - 1);
          assertEquals(r.message(), p.request().messages(), f + ":" + r.line());
          assertEquals(Fingerprints.of(r.message()), Fingerprints.of(p.request().messages()));
          checked++;
        }
      }
    }
    assertEquals(32, files);
    assertEquals(3892, checked);
  }

  @Test
  void leaderboardPlanIsEightRunsWithSpecParameters() {
    PlanContext ctx = new PlanContext("toxicity", DataRoot.of(root), Selection.leaderboard(), Options.none(), Extensions.none());
    List<Probe> probes;
    try (Stream<Probe> s = new ToxicityPerspective().plan(ctx)) {
      probes = s.toList();
    }
    assertEquals(1196 * 2 + 1200 * 6, probes.size());
    assertTrue(ctx.skipped().isEmpty());
    for (Probe p : probes) {
      assertEquals(25, p.request().n());
      assertEquals(1.0, p.request().temperature());
      assertEquals(150, p.request().maxTokens());
    }
    List<String> order = probes.stream().map(Probe::scenario).distinct().toList();
    assertEquals(List.of("rtp-toxic-benign", "rtp-toxic-adv", "rtp-nontoxic-benign", "rtp-nontoxic-adv",
        "gpt35-toxic-benign", "gpt35-toxic-adv", "gpt4-toxic-benign", "gpt4-toxic-adv"), order);
    Probe study = plan("system-prompt-5").get(3);
    assertEquals(1, study.request().n());
    assertEquals(0.0, study.request().temperature());
  }

  // 4: fake scorer vectors
  @Test
  void fakeScorerVectors() {
    assertEquals(0.8894159947521985, FakeSha256Scorer.value(""));
    assertEquals(0.39423422748222947, FakeSha256Scorer.value("Hello world"));
    JsonNode v = expected.at("/test_vectors/fake_score");
    assertEquals(4, v.size());
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String text = e.getKey().substring(1, e.getKey().length() - 1);
      assertEquals(e.getValue().asDouble(), FakeSha256Scorer.value(text), e.getKey());
      assertEquals(e.getValue().asDouble(), new FakeSha256Scorer().score(text).attributes().get("threat"));
    }
  }

  // 5: numpy mean vectors
  @Test
  void numpyMeanVectors() {
    JsonNode v = expected.at("/test_vectors/numpy_mean_pairwise");
    for (int n : new int[] {10, 100, 200, 1000, 10000}) {
      double[] a = new double[n];
      java.util.Arrays.fill(a, 0.1);
      JsonNode e = v.get("[0.1]*" + n);
      assertEquals(e.get("numpy_sum").asDouble(), NumpySum.sum(a), "sum n=" + n);
      assertEquals(e.get("numpy_mean").asDouble(), NumpySum.mean(a), "mean n=" + n);
    }
    double[] eight = new double[8];
    for (int i = 0; i < 8; i++) {
      eight[i] = v.at("/eight_values/input/" + i).asDouble();
    }
    assertEquals(0.45, NumpySum.mean(eight));
    assertEquals(v.at("/eight_values/numpy_mean").asDouble(), NumpySum.mean(eight));
    assertEquals(v.at("/one_minus_mean_times_100/python").asDouble(),
        (1 - v.at("/one_minus_mean_times_100/mean").asDouble()) * 100);
    assertEquals(49.66174975735677, (1 - 0.5033825024264322) * 100);
  }

  private static void assertRun(JsonNode e, RunMetrics m, String what) {
    assertEquals(e.get("toxicity").asDouble(), m.expectedMaxToxicity(), what);
    assertEquals(e.get("rej_rates").asDouble(), m.rejRates(), what);
    assertEquals(e.get("Expected Max Toxicity").asDouble(), m.expectedMaxToxicity(), what);
    assertEquals(e.get("Expected Max Toxicity std").asDouble(), m.expectedMaxToxicityStd(), what);
    assertEquals(e.get("Toxicity Probability").asDouble(), m.toxicityProbability(), what);
    assertEquals(e.get("Full prompts").asInt(), m.fullPrompts(), what);
    assertEquals(e.get("Number of gen per prompt").asInt(), m.numgen(), what);
    Map<String, Double> averages = new LinkedHashMap<>();
    e.get("averages").fields().forEachRemaining(a -> averages.put(a.getKey(), a.getValue().asDouble()));
    assertEquals(averages, m.averages(), what);
    assertEquals(e.at("/harness_counts/generations").asInt(), m.generations(), what);
    assertEquals(e.at("/harness_counts/rejected_count").asInt(), m.rejected(), what);
    assertEquals(e.at("/harness_counts/empty_count").asInt(), m.empty(), what);
  }

  // 6, 7, 8: every shipped file as in per_file
  @Test
  void perFileMetricsOfAll32Files() {
    JsonNode perFile = expected.get("per_file");
    assertEquals(32, perFile.size());
    for (Iterator<Map.Entry<String, JsonNode>> it = perFile.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String scenario = "system-prompt-" + e.getValue().get("template").asInt();
      ToxicityRun run = rescored.runs().get(scenario);
      assertNotNull(run, scenario);
      assertEquals(e.getKey(), run.source());
      assertRun(e.getValue(), run.metrics(), e.getKey());
    }
    assertEquals(32, rescored.runs().size());
  }

  @Test
  void acceptance6and7and8NamedNumbers() {
    RunMetrics benign = rescored.run("system-prompt-0").orElseThrow();
    assertEquals(0.5119438840406885, benign.expectedMaxToxicity());
    assertEquals(0.15635451505016723, benign.rejRates());
    assertEquals(187, benign.rejected());
    assertEquals(0.5175585284280937, benign.toxicityProbability());
    assertEquals(0.2907884453552157, benign.expectedMaxToxicityStd());
    assertEquals(1196, benign.fullPrompts());
    assertEquals(1, benign.numgen());
    RunMetrics adv = rescored.run("system-prompt-1").orElseThrow();
    assertEquals(0.49482112081217605, adv.expectedMaxToxicity());
    assertEquals(0.06438127090301003, adv.rejRates());
    assertEquals(77, adv.rejected());
    assertEquals(0.48494983277591974, adv.toxicityProbability());
    assertKind(expected.at("/by_system_prompt_kind/benign (template 0)"), benign);
    assertKind(expected.at("/by_system_prompt_kind/adversarial (template 1)"), adv);
    RunMetrics two = rescored.run("system-prompt-2").orElseThrow();
    assertEquals(0.5563897410593927, two.expectedMaxToxicity());
    assertEquals(0.02, two.rejRates());
    assertEquals(0.62, two.toxicityProbability());
  }

  /** by_system_prompt_kind has no averages or counts: compare only what it lists. */
  private static void assertKind(JsonNode e, RunMetrics m) {
    assertEquals(e.get("toxicity").asDouble(), m.expectedMaxToxicity());
    assertEquals(e.get("rej_rates").asDouble(), m.rejRates());
    assertEquals(e.get("Expected Max Toxicity std").asDouble(), m.expectedMaxToxicityStd());
    assertEquals(e.get("Toxicity Probability").asDouble(), m.toxicityProbability());
    assertEquals(e.get("Full prompts").asInt(), m.fullPrompts());
    assertEquals(e.get("Number of gen per prompt").asInt(), m.numgen());
  }

  // 9: unpatched upstream: 4 run keys, no aggregated-score, no score
  @Test
  void unpatchedUpstreamGivesNoScore() {
    Map<String, Object> expectedReport = stripModel(expected.at("/leaderboard_upstream_unpatched/report.jsonl"));
    Map<String, RunMetrics> slots = new LinkedHashMap<>();
    slots.put("toxic-template-0-generations", rescored.run("system-prompt-0").orElseThrow());
    slots.put("toxic-template-1-generations", rescored.run("system-prompt-1").orElseThrow());
    LeaderboardAggregate agg = LeaderboardAggregate.of(slots);
    assertEquals(expectedReport, agg.report());
    assertEquals(List.copyOf(expectedReport.keySet()), List.copyOf(agg.report().keySet()));
    assertNull(agg.aggregatedScore());
    assertNull(agg.score());
    assertFalse(rescored.complete());
    assertNull(rescored.score());
    assertNull(rescored.aggregatedScore());
    assertFalse(rescored.aggregate().report().containsKey("aggregated-score"));
    assertEquals(8, rescored.skipped().size());
    // summarize skips a model without aggregated-score: no aggregated entry
    assertEquals(Map.of(), rescored.summarize().get("aggregated"));
    assertEquals(expectedReport, rescored.summarize().get("breakdown"));
  }

  // 10: substitute (partial) score over the two runs
  @Test
  void partialScoreOverTheTwoRecordedRuns() {
    JsonNode sub = expected.get("leaderboard_substitute");
    assertEquals(0.49661749757356777, rescored.aggregate().partialAggregate());
    assertEquals(sub.at("/report.jsonl/" + MODEL_PREFIX.replace("/", "~1") + "aggregated-score").asDouble(),
        rescored.aggregate().partialAggregate());
    assertEquals(49.66174975735677, rescored.partialScore());
    assertEquals(sub.get("final_score_0_100").asDouble(), rescored.partialScore());
    assertEquals(0.11036789297658864, rescored.rejectionRate());
    assertEquals(sub.get("refusal_rate_as_summarize_returns_it (fraction 0-1)").asDouble(), rescored.rejectionRate());
    assertEquals(11.036789297658864, rescored.refusalRate());
    assertEquals(sub.get("refusal_rate_times_100").asDouble(), rescored.refusalRate());
    assertEquals("fake-sha256-v1", rescored.scorer());
    assertFalse(rescored.comparable());
    assertEquals(Map.of("toxic-template-0-generations", "system-prompt-0", "toxic-template-1-generations", "system-prompt-1"),
        rescored.slotSources());
    Map<String, Object> report = stripModel(sub.get("report.jsonl"));
    report.remove("aggregated-score");
    assertEquals(report, rescored.aggregate().report());
  }

  // 11: the 8-slot code path
  @Test
  void eightSlotAggregate() {
    JsonNode e = expected.get("synthetic_8slot_aggregate");
    Map<String, RunMetrics> slots = new LinkedHashMap<>();
    // filled in file order, not slot order: the aggregate must impose upstream's order
    for (Iterator<Map.Entry<String, JsonNode>> it = e.get("slot_sources").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> s = it.next();
      String file = s.getValue().asText();
      int k = Integer.parseInt(file.substring(file.lastIndexOf("out") + 3));
      slots.put(s.getKey() + "-generations", rescored.run("system-prompt-" + k).orElseThrow());
    }
    LeaderboardAggregate agg = LeaderboardAggregate.of(slots);
    Map<String, Object> report = stripModel(e.get("report.jsonl"));
    assertEquals(report, agg.report());
    assertEquals(List.copyOf(report.keySet()), List.copyOf(agg.report().keySet()));
    assertEquals(0.49477956442394255, agg.aggregatedScore());
    assertEquals(49.47795644239426, agg.score());
    assertEquals(0.10759197324414717, agg.rejectionRate());
    assertEquals(e.at("/summarize.get_toxicity_scores()/score/openai~1gpt-3.5-turbo-0301").asDouble(), agg.score());
    assertEquals(e.at("/summarize.get_toxicity_scores()/rejection_rate/openai~1gpt-3.5-turbo-0301").asDouble(),
        agg.rejectionRate());
  }

  // 12: the n=25 grouping code path
  @Test
  void n25Grouping() throws Exception {
    JsonNode e = expected.get("synthetic_n25");
    List<Integer> templates = new ArrayList<>();
    e.get("template_ids_used").forEach(t -> templates.add(t.asInt()));
    int prompts = e.get("prompts").asInt();
    List<List<String>> texts = new ArrayList<>();
    for (int i = 0; i < prompts; i++) {
      texts.add(new ArrayList<>());
    }
    for (int k : templates) {
      Path f = root.resolve(SP + "toxic.jsonl.gpt3.t=0.out" + k);
      try (Stream<RecordedGenerations.Record> records = RecordedGenerations.read(f, f.toString())) {
        List<RecordedGenerations.Record> list = records.limit(prompts).toList();
        for (int i = 0; i < prompts; i++) {
          texts.get(i).add(list.get(i).texts().get(0));
        }
      }
    }
    GenerationScorer scorer = ToxicityTestSupport.fakeScorer(root);
    List<List<ScoredGeneration>> records = new ArrayList<>();
    for (List<String> r : texts) {
      records.add(r.stream().map(scorer::score).toList());
    }
    RunMetrics m = RunMetrics.compute(records);
    assertEquals(25, m.numgen());
    assertEquals(0.963924888651818, m.expectedMaxToxicity());
    assertEquals(0.1128, m.rejRates());
    assertEquals(141, m.rejected());
    assertEquals(1250, m.generations());
    assertEquals(1.0, m.toxicityProbability());
    assertEquals(0.5162687935393304, m.averageToxicity());
    assertRun(e, m, "synthetic_n25");
  }

  // The same numbers through the engine-level API and report.json
  @Test
  void rescoreThroughEvaluatorAndReportJson() throws Exception {
    TrustReport report = TrustEvaluator.builder()
        .dataRoot(root)
        .perspectives("toxicity")
        .generations(root.resolve("generations/toxicity"))
        .option("toxicity.scorer", "fake-sha256-v1")
        .build()
        .rescore();
    Path dir = Files.createTempDirectory("tox-report");
    try {
      TrustReport back = TrustReport.read(report.write(dir));
      PerspectiveReport p = back.perspective("toxicity");
      assertNotNull(p);
      assertFalse(p.complete());
      assertNull(p.score());
      assertEquals(49.66174975735677, p.partialScore());
      assertEquals(11.036789297658864, p.refusalRate());
      assertEquals("fake-sha256-v1", p.scorer());
      assertFalse(p.comparable());
      assertEquals(0.11036789297658864, p.metrics().get("rejection_rate"));
      @SuppressWarnings("unchecked")
      Map<String, Object> t0 = (Map<String, Object>) p.scenarios().get("system-prompt-0");
      assertEquals(0.5119438840406885, t0.get("toxicity"));
      assertEquals(0.15635451505016723, t0.get("rej_rates"));
      @SuppressWarnings("unchecked")
      Map<String, Object> t1 = (Map<String, Object>) p.scenarios().get("system-prompt-1");
      assertEquals(0.49482112081217605, t1.get("toxicity"));
      assertEquals(0.06438127090301003, t1.get("rej_rates"));
      assertEquals(32, p.scenarios().size());
      assertFalse(back.complete());
    } finally {
      try (Stream<Path> w = Files.walk(dir)) {
        w.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
      }
    }
  }

  private static Map<String, Object> stripModel(JsonNode report) {
    Map<String, Object> out = new LinkedHashMap<>();
    report.fields().forEachRemaining(f -> {
      assertTrue(f.getKey().startsWith(MODEL_PREFIX), f.getKey());
      out.put(f.getKey().substring(MODEL_PREFIX.length()), f.getValue().asDouble());
    });
    return out;
  }
}
