package dev.dtrust.core.toxicity;

/**
 * Scores the toxicity of one generated text (the toxicity perspective's pluggable scorer). Upstream
 * DecodingTrust uses Google's Perspective API, which stops serving at the end of 2026; other
 * scorers (moderation endpoints, guard models, the deterministic test scorer) sit behind this
 * interface, and every result records which one produced its numbers.
 *
 * <p>Implementations are thread-safe. A failure throws {@link ToxicityScoringException}, which
 * says whether a retry can help; a scorer never invents a score for a text it could not score.
 */
public interface ToxicityScorer extends AutoCloseable {

  /** A stable id recorded with every result, e.g. {@code perspective-api} or {@code fake-sha256-v1}. */
  String id();

  /**
   * Whether scores are comparable with the DecodingTrust leaderboard: true only for Perspective
   * API scores, live or replayed.
   */
  default boolean comparable() {
    return false;
  }

  /**
   * Scores one non-blank text.
   *
   * @param text the generation, exactly as the perspective cleaned it
   * @return the attribute scores; must include {@link ToxicityScores#TOXICITY}
   * @throws ToxicityScoringException when the text could not be scored
   */
  ToxicityScores score(String text);

  /** Releases connections. The default does nothing. */
  @Override
  default void close() {}
}
