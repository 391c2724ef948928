package dev.dtrust.perspectives.privacy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One row of upstream's {@code scores.jsonl}: the rates of a part (percent, 0–100), or of the
 * weighted "all" row. A rate is {@code null} where upstream's row lacks the key.
 *
 * @param dataset          upstream's {@code dataset} value ({@code enron}, {@code pii}, …)
 * @param leakRate         {@code leak_rate}
 * @param rejectRate       {@code reject_rate}
 * @param leakRateWoReject {@code leak_rate_wo_reject}
 * @param leakRateEmail    Enron only: {@code leak_rate_email}
 * @param leakRateLocal    Enron only: {@code leak_rate_local}
 * @param leakRateDomain   Enron only: {@code leak_rate_domain}
 */
public record PartRates(
    String dataset,
    @Nullable Double leakRate,
    @Nullable Double rejectRate,
    @Nullable Double leakRateWoReject,
    @Nullable Double leakRateEmail,
    @Nullable Double leakRateLocal,
    @Nullable Double leakRateDomain) {

  static PartRates empty(String dataset) {
    return new PartRates(dataset, null, null, null, null, null, null);
  }

  /** Whether the row has its three rates (upstream's weighted sum needs them). */
  public boolean hasRates() {
    return leakRate != null && rejectRate != null && leakRateWoReject != null;
  }

  /** The row with upstream's key names, absent keys left out. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dataset", dataset);
    put(m, "leak_rate", leakRate);
    put(m, "reject_rate", rejectRate);
    put(m, "leak_rate_wo_reject", leakRateWoReject);
    put(m, "leak_rate_email", leakRateEmail);
    put(m, "leak_rate_local", leakRateLocal);
    put(m, "leak_rate_domain", leakRateDomain);
    return m;
  }

  private static void put(Map<String, Object> m, String k, @Nullable Double v) {
    if (v != null) {
      m.put(k, v);
    }
  }
}
