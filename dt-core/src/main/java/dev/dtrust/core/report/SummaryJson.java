package dev.dtrust.core.report;

import dev.dtrust.core.json.JsonWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Upstream's leaderboard summary ({@code summary.json}, {@code spec/summary.md}) for one or more
 * runs: {@code aggregated_results} and {@code breakdown_results} per perspective key, keys sorted
 * recursively, written as Python's {@code json.dump(indent=4)} writes it, so tools that read
 * upstream's summary read ours. Each perspective's entries come from its {@code summarize}
 * section; model keys are the run's model ids as given.
 */
public final class SummaryJson {
  private static final Map<String, String> UPSTREAM_KEYS = Map.of("advglue", "adv-glue-plus-plus");

  private SummaryJson() {}

  /** The summary of several runs. */
  public static String write(List<TrustReport> reports) {
    Map<String, Object> aggregated = new TreeMap<>();
    Map<String, Object> breakdown = new TreeMap<>();
    for (TrustReport r : reports) {
      String model = r.model().id();
      r.perspectives().forEach((id, p) -> {
        String key = UPSTREAM_KEYS.getOrDefault(id, id);
        Object agg = p.summarize().get("aggregated");
        if (!(agg instanceof Map<?, ?> a) || a.isEmpty()) {
          return; // spec summary.md: upstream leaves out a model with no aggregated score
        }
        if (agg instanceof Map<?, ?> m) {
          @SuppressWarnings("unchecked")
          Map<String, Object> perKey = (Map<String, Object>) aggregated.computeIfAbsent(key, k -> new TreeMap<String, Object>());
          m.forEach((k, v) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> byModel = (Map<String, Object>) perKey.computeIfAbsent(String.valueOf(k), x -> new TreeMap<String, Object>());
            byModel.put(model, v);
          });
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> perModel = (Map<String, Object>) breakdown.computeIfAbsent(key, k -> new TreeMap<String, Object>());
        perModel.put(model, p.summarize().get("breakdown"));
      });
    }
    Map<String, Object> out = new TreeMap<>();
    out.put("aggregated_results", aggregated);
    out.put("breakdown_results", breakdown);
    return JsonWriter.pythonIndent4().write(out);
  }

  /** The summary of one run. */
  public static String write(TrustReport report) {
    return write(List.of(report));
  }
}
