package dev.dtrust.perspectives.ood;

import dev.dtrust.core.perspective.FailureExample;
import dev.dtrust.core.perspective.PerspectiveResult;
import dev.dtrust.core.perspective.Skipped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The OOD result: upstream's {@code final_scores.json} (per result key, {@code subscores},
 * {@code rr}, {@code score}) plus per-scenario counts. Upstream's {@code score} and {@code rr} are
 * already on 0–100, so the top level equals them unscaled.
 *
 * @param results   upstream's {@code all_results}: result key → metrics, for scenarios fully
 *                  answered, in plan order
 * @param aggregate upstream's {@code aggregate_score} over {@code results}
 * @param scenarios scenario id → counts and metrics (also of scenarios with failed probes)
 * @param skipped   selected scenarios skipped (absent data or, when rescoring, absent recording)
 * @param failures  a few wrong replies, for people to read
 */
public record OodResult(
    Map<String, OodMetrics> results,
    OodAggregate aggregate,
    Map<String, Object> scenarios,
    List<Skipped> skipped,
    List<FailureExample> failures) implements PerspectiveResult {

  public OodResult {
    results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
    scenarios = Collections.unmodifiableMap(new LinkedHashMap<>(scenarios));
    skipped = List.copyOf(skipped);
    failures = List.copyOf(failures);
  }

  @Override
  public String perspective() {
    return OodPerspective.ID;
  }

  @Override
  public @Nullable Double score() {
    return aggregate.score();
  }

  @Override
  public @Nullable Double refusalRate() {
    return aggregate.rr();
  }

  @Override
  public boolean complete() {
    return aggregate.complete();
  }

  @Override
  public @Nullable Double partialScore() {
    return aggregate.partialScore();
  }

  /** The complete groups' subscores: {@code knowledge}, {@code style}, {@code knowledge_fewshot}, {@code style_fewshot}. */
  public Map<String, Double> subscores() {
    return aggregate.subscores();
  }

  /** A subscore, if its group is complete. */
  public Optional<Double> subscore(String group) {
    return Optional.ofNullable(aggregate.subscores().get(group));
  }

  /** The metrics stored under an upstream result key ({@code shake_w}, {@code qa_2023_idk}, …). */
  public Optional<OodMetrics> result(String resultKey) {
    return Optional.ofNullable(results.get(resultKey));
  }

  /**
   * Upstream's summarize.get_ood_scores: {@code score} and {@code rr} of final_scores.json (both
   * already 0–100), breakdown = that file.
   */
  @Override
  public Map<String, Object> summarize() {
    Map<String, Object> file = metrics();
    Map<String, Object> aggregated = new LinkedHashMap<>();
    aggregated.put("score", file.get("score"));
    aggregated.put("rejection_rate", file.get("rr"));
    return PerspectiveResult.summary(aggregated, file);
  }

  /** Upstream's {@code final_scores.json}: result keys, then subscores, rr and score where written. */
  @Override
  public Map<String, Object> metrics() {
    Map<String, Object> m = new LinkedHashMap<>();
    results.forEach((k, v) -> m.put(k, v.upstream()));
    if (aggregate.rr() != null) {
      // EO:217-222: nothing is written unless a group is complete; score only when all four are
      m.put("subscores", new LinkedHashMap<>(aggregate.subscores()));
      m.put("rr", aggregate.rr());
      if (aggregate.score() != null) {
        m.put("score", aggregate.score());
      }
    }
    return m;
  }
}
