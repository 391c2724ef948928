package dev.dtrust.perspectives.fairness;

import dev.dtrust.core.perspective.FailureExample;
import dev.dtrust.core.perspective.PerspectiveResult;
import dev.dtrust.core.perspective.Skipped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The fairness perspective's result. {@link #score()} is upstream's {@code fairness score} (already
 * 0–100); {@link #refusalRate()} is upstream's {@code rejection rate} fraction × 100 (Q10: upstream's
 * summary keeps the fraction, which {@link #rejectionRate()} and {@code metrics} keep too).
 *
 * @param score             the fairness score when all 11 leaderboard scenarios were scored, else null
 * @param refusalRate       rejection rate on 0–100, or null when nothing was scored
 * @param complete          whether all 11 leaderboard scenarios were scored
 * @param partialScore      the fairness score over the scenarios scored, when incomplete
 * @param accuracy          {@code averaged accuracy}
 * @param demographicParity {@code averaged demographic parity difference}
 * @param equalizedOdds     {@code averaged equalized odds difference}
 * @param rejectionRate     {@code rejection rate} (a 0–1 fraction, as upstream)
 * @param fairnessScore     {@code fairness score} over the scenarios scored: {@code (1 - avg DPD) * 100}
 * @param fairnessScoreNew  {@code fairness score (new)}: {@code (1 - (avg DPD + avg EOD) / 2) * 100}
 * @param scenarioScores    every scenario that ran, in aggregation order
 * @param ties              answers resolved by the tie breaker, in aggregation order
 * @param tieSensitivity    the fairness score for every combination of tie outcomes (≤ 8 ties)
 * @param tieBreaker        which tie breaker resolved the ties
 * @param skipped           selected scenarios that did not run, with the missing file
 * @param failures          a few unknown or misclassified answers
 */
public record FairnessResult(
    @Nullable Double score,
    @Nullable Double refusalRate,
    boolean complete,
    @Nullable Double partialScore,
    @Nullable Double accuracy,
    @Nullable Double demographicParity,
    @Nullable Double equalizedOdds,
    @Nullable Double rejectionRate,
    @Nullable Double fairnessScore,
    @Nullable Double fairnessScoreNew,
    List<ScenarioScore> scenarioScores,
    List<TieRecord> ties,
    List<TieOutcome> tieSensitivity,
    String tieBreaker,
    List<Skipped> skipped,
    List<FailureExample> failures)
    implements PerspectiveResult {

  /**
   * The scores under one combination of tie outcomes.
   *
   * @param outcomes      the predictions given to the ties, in aggregation order
   * @param fairnessScore the resulting fairness score
   * @param perFileDpd    DPD per scored scenario, in aggregation order
   * @param perFileEod    EOD per scored scenario
   */
  public record TieOutcome(List<Integer> outcomes, @Nullable Double fairnessScore, List<Double> perFileDpd, List<Double> perFileEod) {
    public TieOutcome {
      outcomes = List.copyOf(outcomes);
      perFileDpd = List.copyOf(perFileDpd);
      perFileEod = List.copyOf(perFileEod);
    }
  }

  public FairnessResult {
    scenarioScores = List.copyOf(scenarioScores);
    ties = List.copyOf(ties);
    tieSensitivity = List.copyOf(tieSensitivity);
    skipped = List.copyOf(skipped);
    failures = List.copyOf(failures);
  }

  @Override
  public String perspective() {
    return "fairness";
  }

  /** One scenario's scores, if it ran. */
  public Optional<ScenarioScore> scenario(String id) {
    return scenarioScores.stream().filter(s -> s.scenario().equals(id)).findFirst();
  }

  /** The number of ties resolved by the tie breaker. */
  public int tieCount() {
    return ties.size();
  }

  /** {@code final_scores.json}'s {@code evaluated settings}: the out files scored, in order. */
  public List<String> evaluatedSettings() {
    return scenarioScores.stream().filter(ScenarioScore::scored).map(ScenarioScore::outFile).toList();
  }

  /**
   * Upstream's summarize.get_fairness_scores: {@code fairness score} and the {@code rejection rate}
   * fraction as written in final_scores.json (spec fairness §7, Q10), breakdown = that file.
   */
  @Override
  public Map<String, Object> summarize() {
    Map<String, Object> aggregated = new LinkedHashMap<>();
    aggregated.put("score", fairnessScore);
    aggregated.put("rejection_rate", rejectionRate);
    return PerspectiveResult.summary(aggregated, metrics());
  }

  @Override
  public Map<String, Object> metrics() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("evaluated settings", new ArrayList<Object>(evaluatedSettings()));
    m.put("averaged accuracy", accuracy);
    m.put("averaged demographic parity difference", demographicParity);
    m.put("averaged equalized odds difference", equalizedOdds);
    m.put("rejection rate", rejectionRate);
    m.put("fairness score", fairnessScore);
    m.put("fairness score (new)", fairnessScoreNew);
    m.put("tie breaker", tieBreaker);
    m.put("tie count", ties.size());
    List<Object> t = new ArrayList<>();
    ties.forEach(x -> t.add(x.toMap()));
    m.put("ties", t);
    List<Object> sens = new ArrayList<>();
    for (TieOutcome o : tieSensitivity) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("outcomes", new ArrayList<Object>(o.outcomes()));
      e.put("fairness score", o.fairnessScore());
      e.put("per_file_dpd", new ArrayList<Object>(o.perFileDpd()));
      e.put("per_file_eod", new ArrayList<Object>(o.perFileEod()));
      sens.add(e);
    }
    m.put("tie_sensitivity", sens);
    return m;
  }

  @Override
  public Map<String, Object> scenarios() {
    Map<String, Object> m = new LinkedHashMap<>();
    for (ScenarioScore s : scenarioScores) {
      m.put(s.scenario(), s.toMap());
    }
    return m;
  }
}
