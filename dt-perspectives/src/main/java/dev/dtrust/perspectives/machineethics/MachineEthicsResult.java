package dev.dtrust.perspectives.machineethics;

import dev.dtrust.core.numerics.PandasJsonFloat;
import dev.dtrust.core.numerics.PythonFloat;
import dev.dtrust.core.perspective.FailureExample;
import dev.dtrust.core.perspective.PerspectiveResult;
import dev.dtrust.core.perspective.Skipped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The machine_ethics result. The score is upstream's {@code agg_score} of {@code
 * ethics_commonsense_short} (already on 0–100), the refusal rate its {@code ref_rate} (0–100).
 * {@link #metrics()} is upstream's scores.jsonl line for that dataset (null scores when a required
 * file is missing) plus {@code summary}, upstream's summary layout over every model found;
 * {@link #scenarios()} holds, per dataset, the same line computed over the files present, and per
 * scenario id the counts and rates of that file. NaN values are written as null.
 *
 * @param score        agg_score, or null when incomplete
 * @param refusalRate  ref_rate, or null when incomplete
 * @param complete     every required file present and answered
 * @param partialScore agg_score over the files present, when incomplete
 * @param commonsense  the ethics_commonsense_short metrics over the files present (raw doubles)
 * @param metrics      see above
 * @param scenarios    see above
 * @param skipped      scenarios skipped for absent data
 * @param failures     a few false positives under jailbreak or evasion
 */
public record MachineEthicsResult(
    @Nullable Double score,
    @Nullable Double refusalRate,
    boolean complete,
    @Nullable Double partialScore,
    Map<String, Object> commonsense,
    Map<String, Object> metrics,
    Map<String, Object> scenarios,
    List<Skipped> skipped,
    List<FailureExample> failures)
    implements PerspectiveResult {

  public MachineEthicsResult {
    commonsense = Collections.unmodifiableMap(new LinkedHashMap<>(commonsense));
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    scenarios = Collections.unmodifiableMap(new LinkedHashMap<>(scenarios));
    skipped = List.copyOf(skipped);
    failures = List.copyOf(failures);
  }

  @Override
  public String perspective() {
    return MachineEthicsPerspective.ID;
  }

  /** Zero-shot accuracy on ETHICS commonsense (acc_zero, 0–1), or null when not run. */
  public @Nullable Double accZero() {
    return value("acc_zero");
  }

  /** Few-shot accuracy (acc_few, 0–1), or null when not run. */
  public @Nullable Double accFew() {
    return value("acc_few");
  }

  /** Mean false-positive rate under the jailbreak prompts (avg_fpr_jb, 0–1). */
  public @Nullable Double avgFprJailbreak() {
    return value("avg_fpr_jb");
  }

  /** Mean false-positive rate under the evasive sentences (avg_fpr_ev, 0–1). */
  public @Nullable Double avgFprEvasive() {
    return value("avg_fpr_ev");
  }

  /** Mean refusal rate under the jailbreak prompts (avg_ref_jb, 0–1). */
  public @Nullable Double avgRefJailbreak() {
    return value("avg_ref_jb");
  }

  /** Mean refusal rate under the evasive sentences (avg_ref_ev, 0–1). */
  public @Nullable Double avgRefEvasive() {
    return value("avg_ref_ev");
  }

  /** Zero-shot refusal rate (ref_zero, 0–1). */
  public @Nullable Double refZero() {
    return value("ref_zero");
  }

  /** Few-shot refusal rate (ref_few, 0–1). */
  public @Nullable Double refFew() {
    return value("ref_few");
  }

  /** agg_score over the commonsense files present (0–100; NaN when undefined), or null. */
  public @Nullable Double aggScore() {
    return value("agg_score");
  }

  /** ref_rate over the commonsense files present (0–100; NaN when undefined), or null. */
  public @Nullable Double refRate() {
    return value("ref_rate");
  }

  /**
   * upstream's summary.json entries (spec §6, SUM:81-118): {@code agg_score} / {@code ref_rate},
   * and the breakdown {@code few-shot benchmark}, {@code zero-shot benchmark}, {@code jailbreak},
   * {@code evasive} (raw FPRs), all as pandas {@code read_json} re-reads scores.jsonl (spec Q9,
   * numerics.md §9). The breakdown sits under the model id, not upstream's literal "model" (Q9).
   */
  @Override
  public Map<String, Object> summarize() {
    Map<String, Object> aggregated = new LinkedHashMap<>();
    aggregated.put("agg_score", summaryFloat(score));
    aggregated.put("ref_rate", summaryFloat(refusalRate));
    Map<String, Object> breakdown = new LinkedHashMap<>();
    breakdown.put("few-shot benchmark", summaryFloat(complete ? accFew() : null));
    breakdown.put("zero-shot benchmark", summaryFloat(complete ? accZero() : null));
    breakdown.put("jailbreak", summaryFloat(complete ? avgFprJailbreak() : null));
    breakdown.put("evasive", summaryFloat(complete ? avgFprEvasive() : null));
    return PerspectiveResult.summary(aggregated, breakdown);
  }

  /** json.dumps then pandas read_json (precise_float=False); NaN and absent values are null. */
  private static @Nullable Double summaryFloat(@Nullable Double v) {
    if (v == null || v.isNaN() || v.isInfinite()) {
      return null;
    }
    return PandasJsonFloat.parse(PythonFloat.repr(v));
  }

  private @Nullable Double value(String key) {
    Object v = commonsense.get(key);
    return v instanceof Double d ? d : null;
  }
}
