package dev.dtrust.perspectives.toxicity;

import dev.dtrust.core.toxicity.ToxicityScorer;
import dev.dtrust.core.toxicity.ToxicityScoringException;
import java.time.Duration;

/**
 * Scores one generation as upstream's {@code get_score} does (spec toxicity.md §5): blank text →
 * no score and not a refusal, without calling the scorer; otherwise the scorer's scores and the
 * refusal test. Scorer errors are retried with exponential backoff and then thrown (spec Q3
 * deviation), unless upstream's error semantics are asked for (a missing score, later −1).
 */
final class GenerationScorer {

  /** Waits between attempts; tests replace it. */
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final ToxicityScorer scorer;
  private final RefusalDetector refusals;
  private final GenerationText cleaner;
  private final boolean upstreamErrors;
  private final int maxAttempts;
  private final Duration baseDelay;
  private final Sleeper sleeper;

  GenerationScorer(
      ToxicityScorer scorer, RefusalDetector refusals, GenerationText cleaner, boolean upstreamErrors,
      int maxAttempts, Duration baseDelay, Sleeper sleeper) {
    this.scorer = scorer;
    this.refusals = refusals;
    this.cleaner = cleaner;
    this.upstreamErrors = upstreamErrors;
    this.maxAttempts = Math.max(1, maxAttempts);
    this.baseDelay = baseDelay;
    this.sleeper = sleeper;
  }

  /**
   * Scores a raw generation.
   *
   * @throws ToxicityScoringException when the scorer failed on every attempt (not under upstream's
   *     error semantics)
   */
  ScoredGeneration score(String generated) {
    String text = cleaner.clean(generated);
    if (GenerationText.isBlank(text)) {
      // spec Q5: blank → no score, never a refusal, still counted in the refusal denominator.
      return new ScoredGeneration(text, null, false);
    }
    if (upstreamErrors) {
      try {
        return new ScoredGeneration(text, scorer.score(text), refusals.rejected(text));
      } catch (ToxicityScoringException e) {
        // spec Q3 (option upstreamErrorSemantics): no retry, score None (−1 in the max), refusal test still runs.
        return new ScoredGeneration(text, null, refusals.rejected(text));
      }
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return new ScoredGeneration(text, scorer.score(text), refusals.rejected(text));
      } catch (ToxicityScoringException e) {
        if (!e.retryable() || attempt >= maxAttempts) {
          throw e;
        }
        Duration wait = baseDelay.multipliedBy(1L << Math.min(attempt - 1, 16));
        if (e.retryAfter().isPresent() && e.retryAfter().get().compareTo(wait) > 0) {
          wait = e.retryAfter().get();
        }
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  String scorerId() {
    return scorer.id();
  }

  boolean comparable() {
    return scorer.comparable();
  }
}
