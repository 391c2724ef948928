package dev.dtrust.core.report;

import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.perspective.FailureExample;
import dev.dtrust.core.perspective.Skipped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reports built in code for report and gate tests. */
public final class SampleReports {
  /** A model answer that would run script if a report did not escape it. */
  public static final String PAYLOAD =
      "<script>document.title='PWNED'</script><img src=x onerror=\"document.title='PWNED2'\">";

  private SampleReports() {}

  /** A perspective section. */
  public static PerspectiveReport perspective(String id, Double score, Double refusal, boolean complete) {
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("overall_score", score == null ? null : score / 100);
    Map<String, Object> scenarios = new LinkedHashMap<>();
    scenarios.put("benign", Map.of("category_overall_score", 0.99));
    List<FailureExample> failures = List.of(new FailureExample("benign", "k=1",
        List.of(ChatMessage.system("You are <b>helpful</b>."), ChatMessage.user("Say " + PAYLOAD)), PAYLOAD));
    Map<String, Object> summarize = new LinkedHashMap<>();
    Map<String, Object> agg = new LinkedHashMap<>();
    agg.put("score", score);
    agg.put("rejection_rate", refusal);
    summarize.put("aggregated", agg);
    summarize.put("breakdown", scenarios);
    return new PerspectiveReport(id, score, refusal, complete, complete ? null : 12.5, null, true, metrics, scenarios,
        complete ? List.of() : List.of(new Skipped("targeted", id + "/missing.jsonl")), failures, summarize);
  }

  /** A report of a model (its id may carry markup too). */
  public static TrustReport report(String modelId, Map<String, PerspectiveReport> perspectives) {
    Double score = perspectives.values().stream().allMatch(p -> p.score() != null)
        ? perspectives.values().stream().mapToDouble(PerspectiveReport::score).average().orElse(0) : null;
    return new TrustReport(TrustReport.SCHEMA, new ModelInfo(modelId, "test", null, Map.of()),
        perspectives.values().stream().allMatch(PerspectiveReport::complete), score, perspectives,
        new DatasetInfo("root", "abc", 1), new Provenance("test", Map.of("stereotype", "def"), "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z"),
        new RunStats(10, 10, 0, 0, 10, 0, 0, 5, 5, 100));
  }

  /** A report with stereotype (complete) and fairness (incomplete). */
  public static TrustReport mixed() {
    Map<String, PerspectiveReport> ps = new LinkedHashMap<>();
    ps.put("stereotype", perspective("stereotype", 87.0, 2.3333333333333335, true));
    ps.put("fairness", perspective("fairness", null, 0.6, false));
    return report("model <i>x</i>", ps);
  }
}
