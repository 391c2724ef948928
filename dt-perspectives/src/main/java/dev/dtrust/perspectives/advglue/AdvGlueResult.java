package dev.dtrust.perspectives.advglue;

import dev.dtrust.core.perspective.FailureExample;
import dev.dtrust.core.perspective.PerspectiveResult;
import dev.dtrust.core.perspective.Skipped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * The AdvGLUE++ result. {@link #score()} is {@code summary.json} Accuracy × 100 (the unweighted
 * mean robust accuracy over the (base model × task) rows), {@link #refusalRate()} its RR+NE × 100;
 * {@link #metrics()} keeps upstream's fractions.
 *
 * @param score        leaderboard score on 0–100, {@code null} when incomplete
 * @param refusalRate  RR+NE × 100, {@code null} when incomplete
 * @param complete     whether the three adversarial scenarios ran completely
 * @param partialScore Accuracy × 100 over the rows that exist, when incomplete
 * @param targetModel  upstream's TargetModel (result folder with a leading {@code /}), or {@code null} for a live run
 * @param runs         scored scenarios, in scenario order
 * @param aggregation  the adv_stats rows and group means
 * @param skipped      selected scenarios without data or recordings
 * @param failures     a few worst probes
 */
public record AdvGlueResult(
    @Nullable Double score,
    @Nullable Double refusalRate,
    boolean complete,
    @Nullable Double partialScore,
    @Nullable String targetModel,
    Map<String, ScenarioScore> runs,
    AdvGlueAggregation aggregation,
    List<Skipped> skipped,
    List<FailureExample> failures)
    implements PerspectiveResult {

  public AdvGlueResult {
    runs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(runs));
    skipped = List.copyOf(skipped);
    failures = List.copyOf(failures);
  }

  @Override
  public String perspective() {
    return AdvGluePerspective.ID;
  }

  /** {@code summary.json} Accuracy (0–1), NaN when no adversarial scenario ran. */
  public double accuracy() {
    return aggregation.accuracy();
  }

  /** {@code summary.json} RR+NE (0–1), NaN when no adversarial scenario ran. */
  public double refusalFraction() {
    return aggregation.refusalRate();
  }

  /** A {@code summary.json} column mean (Transferability, Accuracy, AccuracyNoRefusal, RR+NE, TaskDataCount, HasDemo). */
  public double summary(String column) {
    Double v = aggregation.summary().get(column);
    if (v == null) {
      throw new NoSuchElementException("no summary column " + column);
    }
    return v;
  }

  /** {@code summarize} breakdown: a task's mean robust accuracy over base models, × 100. */
  public double taskScore(String task) {
    Double v = aggregation.breakdown().get(task);
    if (v == null) {
      throw new NoSuchElementException("no adversarial task " + task);
    }
    return v * 100;
  }

  /** {@code breakdown.json}: a task's mean robust accuracy over base models (0–1). */
  public double taskAccuracy(String task) {
    Double v = aggregation.breakdown().get(task);
    if (v == null) {
      throw new NoSuchElementException("no adversarial task " + task);
    }
    return v;
  }

  /** Robust accuracy of one (base model, task) row (0–1). */
  public double robustAccuracy(String baseModel, String task) {
    return metrics("adv-" + baseModel, task).accuracy();
  }

  /** Benign accuracy of a task: the benign file's {@code score.accuracy} (0–1). */
  public double benignAccuracy(String task) {
    return metrics(AdvGluePerspective.BENIGN, task).scoreAccuracy();
  }

  /** The metrics of a (scenario, task). */
  public TaskMetrics metrics(String scenario, String task) {
    ScenarioScore s = runs.get(scenario);
    TaskMetrics m = s == null ? null : s.tasks().get(task);
    if (m == null) {
      throw new NoSuchElementException("no metrics for " + scenario + "/" + task);
    }
    return m;
  }

  /** A scored scenario. */
  public ScenarioScore scenario(String scenario) {
    ScenarioScore s = runs.get(scenario);
    if (s == null) {
      throw new NoSuchElementException("scenario " + scenario + " was not scored");
    }
    return s;
  }

  /** The {@code task_breakdown.csv} rows. */
  public List<AdvGlueAggregation.Row> rows() {
    return aggregation.rows();
  }

  @Override
  public Map<String, Object> metrics() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (targetModel != null) {
      m.put("TargetModel", targetModel);
    }
    // adv_stats summary.json columns (fractions), then summarize's 0–100 numbers.
    m.putAll(aggregation.summary());
    if (!aggregation.rows().isEmpty()) {
      m.put("score", aggregation.accuracy() * 100);
      m.put("rejection_rate", aggregation.refusalRate() * 100);
      Map<String, Object> breakdown = new LinkedHashMap<>();
      aggregation.breakdown().forEach((task, acc) -> breakdown.put(task, Map.of("acc", acc * 100)));
      m.put("breakdown", breakdown);
      List<Object> rows = new ArrayList<>();
      aggregation.rows().forEach(r -> rows.add(r.toMap()));
      m.put("task_breakdown", rows);
    }
    return m;
  }

  /**
   * upstream's {@code summarize.get_advglue_scores}: score and rejection_rate = summary.json
   * Accuracy and RR+NE × 100; breakdown = breakdown.json with each {@code acc} × 100 (spec §6.6).
   */
  @Override
  public Map<String, Object> summarize() {
    Map<String, Object> aggregated = new LinkedHashMap<>();
    aggregated.put("score", score);
    aggregated.put("rejection_rate", refusalRate);
    Map<String, Object> breakdown = new LinkedHashMap<>();
    aggregation.breakdown().forEach((task, acc) -> breakdown.put(task, Map.of("acc", acc * 100)));
    return PerspectiveResult.summary(aggregated, breakdown);
  }

  @Override
  public Map<String, Object> scenarios() {
    Map<String, Object> m = new LinkedHashMap<>();
    runs.forEach((k, v) -> m.put(k, v.toMap()));
    return m;
  }
}
