package dev.dtrust.perspectives.privacy;

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
 * The privacy perspective's result. Upstream's privacy score and reject rate are already on 0–100,
 * so {@link #score()} is {@code privacy_score} and {@link #refusalRate()} is {@code reject_rate}.
 *
 * @param score                the leaderboard score, {@code null} unless complete
 * @param refusalRate          upstream's weighted {@code reject_rate}, when the "all" row exists
 * @param complete             every leaderboard scenario ran (or has its recordings)
 * @param partialScore         {@code privacy_score} over what ran, when incomplete
 * @param privacyScoreWoReject {@code privacy_score_wo_reject}
 * @param leakRate             weighted {@code leak_rate}
 * @param leakRateWoReject     weighted {@code leak_rate_wo_reject}
 * @param enron                the Enron row
 * @param pii                  the PII row
 * @param piiJailbreak         the jailbreak row, when it takes part in the weighted sum
 * @param understanding        the understanding row
 * @param enronCounts          per-file counts, keyed {@code enron/<mode>}
 * @param piiCounts            per-file counts, keyed {@code pii/<type>_<mode>} (and
 *                             {@code pii_jailbreak/<type>_<mode>_jb<n>})
 * @param understandingCounts  per-file counts, keyed {@code understanding/<topic>_ques<q>}
 * @param intermediate         the per-file percentage lists in upstream order
 * @param skipped              scenarios skipped for absent data or recordings
 * @param failures             leaked probes, values masked unless raw output was asked for
 */
public record PrivacyResult(
    @Nullable Double score,
    @Nullable Double refusalRate,
    boolean complete,
    @Nullable Double partialScore,
    @Nullable Double privacyScoreWoReject,
    @Nullable Double leakRate,
    @Nullable Double leakRateWoReject,
    PartRates enron,
    PartRates pii,
    @Nullable PartRates piiJailbreak,
    PartRates understanding,
    Map<String, EnronCounts> enronCounts,
    Map<String, PiiCounts> piiCounts,
    Map<String, UnderstandingCounts> understandingCounts,
    Map<String, Object> intermediate,
    List<Skipped> skipped,
    List<FailureExample> failures)
    implements PerspectiveResult {

  public PrivacyResult {
    enronCounts = Collections.unmodifiableMap(new LinkedHashMap<>(enronCounts));
    piiCounts = Collections.unmodifiableMap(new LinkedHashMap<>(piiCounts));
    understandingCounts = Collections.unmodifiableMap(new LinkedHashMap<>(understandingCounts));
    intermediate = Collections.unmodifiableMap(new LinkedHashMap<>(intermediate));
    skipped = List.copyOf(skipped);
    failures = List.copyOf(failures);
  }

  @Override
  public String perspective() {
    return "privacy";
  }

  /** {@code privacy_score} of the "all" row (over what ran), or {@code null} when upstream's is null. */
  public @Nullable Double privacyScore() {
    return complete ? score : partialScore;
  }

  /** {@code reject_rate} of the "all" row. */
  public @Nullable Double rejectRate() {
    return refusalRate;
  }

  /** upstream's summarize breakdown: {@code asr} = each part's {@code leak_rate}, as re-read by pandas (Q16). */
  public Map<String, Object> breakdown() {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("enron", asr(enron));
    b.put("pii", asr(pii));
    b.put("understanding", asr(understanding));
    return b;
  }

  private static Map<String, Object> asr(PartRates r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("asr", summaryValue(r.leakRate()));
    return m;
  }

  /**
   * The three values upstream's summary.json holds: summarize.py re-reads scores.jsonl (written
   * with Python repr) through pandas {@code read_json}, which is not a faithful round trip (Q16).
   */
  public Map<String, Object> summary() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("privacy_score", summaryValue(privacyScore()));
    m.put("reject_rate", summaryValue(refusalRate));
    m.put("privacy_score_wo_reject", summaryValue(privacyScoreWoReject));
    return m;
  }

  /** A value as pandas {@code read_json} gives it back after {@code json.dumps} (Q16); null stays null. */
  static @Nullable Double summaryValue(@Nullable Double v) {
    if (v == null || v.isNaN() || v.isInfinite()) {
      return v;
    }
    return PandasJsonFloat.parse(PythonFloat.repr(v));
  }

  @Override
  public Map<String, Object> metrics() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("privacy_score", privacyScore());
    m.put("reject_rate", refusalRate);
    m.put("privacy_score_wo_reject", privacyScoreWoReject);
    m.put("leak_rate", leakRate);
    m.put("leak_rate_wo_reject", leakRateWoReject);
    m.put("breakdown", breakdown());
    Map<String, Object> counts = new LinkedHashMap<>();
    enronCounts.forEach((k, c) -> counts.put(k, enronMap(c)));
    piiCounts.forEach((k, c) -> counts.put(k, piiMap(c)));
    understandingCounts.forEach((k, c) -> counts.put(k, understandingMap(c)));
    m.put("per_file_counts", counts);
    return m;
  }

  /**
   * upstream's summary.json entries (spec summary.md): the "all" row's three values and the
   * per-part {@code asr}, as summarize.py re-reads them with pandas (Q16).
   */
  @Override
  public Map<String, Object> summarize() {
    return PerspectiveResult.summary(summary(), breakdown());
  }

  @Override
  public Map<String, Object> scenarios() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("enron", enron.toMap());
    s.put("pii", pii.toMap());
    if (piiJailbreak != null) {
      s.put("pii_jailbreak", piiJailbreak.toMap());
    }
    s.put("understanding", understanding.toMap());
    return s;
  }

  private static Map<String, Object> enronMap(EnronCounts c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("correct_count", c.correct());
    m.put("local_correct_count", c.localCorrect());
    m.put("domain_correct_count", c.domainCorrect());
    m.put("total_count", c.total());
    m.put("total_wo_reject_count", c.totalWoReject());
    return m;
  }

  private static Map<String, Object> piiMap(PiiCounts c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("correct_count", c.correct());
    m.put("total_count", c.total());
    m.put("reject_count", c.reject());
    m.put("total_wo_reject_count", c.totalWoReject());
    return m;
  }

  private static Map<String, Object> understandingMap(UnderstandingCounts c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("correct_count_dict", new LinkedHashMap<String, Object>(c.correctCountDict()));
    m.put("total_count", c.total());
    m.put("reject_count_dict", new LinkedHashMap<String, Object>(c.rejectCountDict()));
    m.put("totol_wo_reject_count", c.totolWoReject());
    return m;
  }
}
