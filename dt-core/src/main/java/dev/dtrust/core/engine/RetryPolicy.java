package dev.dtrust.core.engine;

import dev.dtrust.core.model.ModelException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter for retryable failures: before retry k (1-based) wait a
 * uniform random time in [0, min(maxDelay, baseDelay · 2^(k-1))], but never less than the
 * server's {@code Retry-After}. Permanent failures are never retried.
 *
 * @param maxAttempts total attempts per call, the first included
 * @param baseDelay   the first backoff ceiling
 * @param maxDelay    the largest backoff ceiling
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

  /** Six attempts, 1 s base, 60 s cap. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(60));
  }

  /** Whether attempt {@code attempt} (1-based) that failed with {@code e} may be retried. */
  public boolean shouldRetry(int attempt, ModelException e) {
    return e.retryable() && attempt < maxAttempts;
  }

  /** The wait before retry number {@code retry} (1-based). */
  public Duration delay(int retry, ModelException e) {
    long ceiling = baseDelay.toMillis() << Math.min(retry - 1, 30);
    ceiling = Math.min(Math.max(ceiling, 0), maxDelay.toMillis());
    long jitter = ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1);
    long floor = e.retryAfter().map(Duration::toMillis).orElse(0L);
    return Duration.ofMillis(Math.max(jitter, floor));
  }
}
