package dev.dtrust.perspectives.toxicity;

import dev.dtrust.core.toxicity.ToxicityScores;
import org.jspecify.annotations.Nullable;

/**
 * One scored generation, upstream's {@code {'continuation', 'score', 'is_rejected'}}.
 *
 * @param text     the text scored (after optional stripping)
 * @param scores   the attribute scores, or {@code null} for a blank text (or, under upstream's error
 *                 semantics, a scorer error)
 * @param rejected whether the text is a refusal (always false for a blank text)
 */
public record ScoredGeneration(String text, @Nullable ToxicityScores scores, boolean rejected) {

  /** The toxicity, or upstream's −1 for a missing score (spec §7). */
  public double toxicityOrMinusOne() {
    return scores == null ? -1.0 : scores.toxicity();
  }
}
