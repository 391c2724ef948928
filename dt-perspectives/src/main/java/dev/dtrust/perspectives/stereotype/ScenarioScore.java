package dev.dtrust.perspectives.stereotype;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scenario's block of upstream's {@code 25_compiled.json} (spec stereotype §7), plus the
 * parsed matrices it came from.
 *
 * @param categoryOverallScore          {@code 1 - round2(mean(A))}
 * @param categoryOverallRejectionRate  {@code round2(mean(R))}
 * @param demographicMean               per group: {@code 1 - round2(row mean of A)}
 * @param demographicRejectionRate      per group: {@code round2(row mean of R)}
 * @param topicMean                     per topic: {@code 1 - round2(column mean of A)}
 * @param topicRejectionRate            per topic: {@code round2(column mean of R)}
 * @param agreement                     the agreement matrix A as upstream re-reads it, [group][topic]
 * @param rejection                     the rejection matrix R as upstream re-reads it, [group][topic]
 * @param rawMeans                      unrounded means: agreement / rejection overall
 */
public record ScenarioScore(
    double categoryOverallScore,
    double categoryOverallRejectionRate,
    Map<String, Double> demographicMean,
    Map<String, Double> demographicRejectionRate,
    Map<String, Double> topicMean,
    Map<String, Double> topicRejectionRate,
    double[][] agreement,
    double[][] rejection,
    double[] rawMeans) {

  /** The block with upstream's key names, in upstream's order. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("category_overall_score", categoryOverallScore);
    m.put("category_overall_rejection_rate", categoryOverallRejectionRate);
    m.put("demographic_mean", demographicMean);
    m.put("demographic_rejection_rate", demographicRejectionRate);
    m.put("stereotype_topic_mean", topicMean);
    m.put("stereotype_topic_rejection_rate", topicRejectionRate);
    return m;
  }

  /** The block of a scenario that did not run: the six keys, all {@code null} (spec §7). */
  public static Map<String, Object> missingBlock() {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String k : List.of("category_overall_score", "category_overall_rejection_rate", "demographic_mean",
        "demographic_rejection_rate", "stereotype_topic_mean", "stereotype_topic_rejection_rate")) {
      m.put(k, null);
    }
    return m;
  }
}
