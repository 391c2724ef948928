package dev.dtrust.core.toxicity;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A text could not be scored; says whether trying again can help. */
public class ToxicityScoringException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;
  private final transient @Nullable Duration retryAfter;

  /** A failure; {@code retryable} when a later attempt may succeed (rate limit, timeout, 5xx). */
  public ToxicityScoringException(String message, boolean retryable) {
    this(message, retryable, null, null);
  }

  /** A failure with the scorer's requested minimum wait and a cause. */
  public ToxicityScoringException(
      String message, boolean retryable, @Nullable Duration retryAfter, @Nullable Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  /** Whether a retry can help. */
  public boolean retryable() {
    return retryable;
  }

  /** The scorer's requested minimum wait before a retry, if it named one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
