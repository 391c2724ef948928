package dev.dtrust.perspectives.fairness;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An answer that hit both keyword lists, and how it was resolved (Q1).
 *
 * @param scenario    the scenario id
 * @param file        upstream's out-file name of the scenario
 * @param index       the record's index
 * @param answer      the answer
 * @param uniformDraw the draw, or {@code null} when the tie breaker did not draw
 * @param prediction  the resolved prediction
 */
public record TieRecord(String scenario, String file, int index, String answer, @Nullable Double uniformDraw, int prediction) {

  /** The report form. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", file);
    m.put("index", index);
    m.put("answer", answer);
    m.put("uniform_draw", uniformDraw);
    m.put("prediction", prediction);
    return m;
  }
}
