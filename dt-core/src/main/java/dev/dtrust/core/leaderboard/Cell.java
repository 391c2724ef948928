package dev.dtrust.core.leaderboard;

import org.jspecify.annotations.Nullable;

/**
 * One perspective of one model on the leaderboard.
 *
 * @param score       the 0–100 score, or {@code null} when incomplete or not run
 * @param refusalRate the 0–100 refusal rate, when defined
 * @param mark        {@code null} for a comparable complete score; else {@code incomplete},
 *                    {@code not-comparable} or {@code not-run}
 * @param partial     the partial score of an incomplete perspective, when there is one
 * @param scorer      the scorer behind the score, when not built in
 */
public record Cell(@Nullable Double score, @Nullable Double refusalRate, @Nullable String mark, @Nullable Double partial,
    @Nullable String scorer) {

  /** Whether the score can be ranked with other models' scores. */
  public boolean comparable() {
    return mark == null;
  }
}
