package dev.dtrust.perspectives.toxicity;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What became of one scenario's run: its metrics, or why they could not be computed.
 *
 * @param scenario the scenario id
 * @param source   the recording it was read from (rescore), or {@code null} for a live run
 * @param metrics  the metrics, or {@code null} when the run is unscorable
 * @param error    why the run is unscorable, or {@code null}
 * @param failed   probes left out of the metrics (model or scorer failures)
 */
public record ToxicityRun(
    String scenario, @Nullable String source, @Nullable RunMetrics metrics, @Nullable String error, int failed) {

  /** The scenario's entry in the report: upstream's names, then where it came from. */
  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (metrics != null) {
      m.putAll(metrics.toMap());
    } else {
      m.put("error", error);
    }
    if (failed > 0) {
      m.put("failed_probes", failed);
    }
    if (source != null) {
      m.put("file", source);
    }
    return m;
  }
}
