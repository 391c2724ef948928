package dev.dtrust.core.model;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A model call that failed. Says whether retrying can help and, when the server said so, how long
 * to wait first. Messages carry the provider's words and never a credential.
 */
public class ModelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;
  private final @Nullable Duration retryAfter;
  private final int status;

  /**
   * @param message    what went wrong, in the provider's words where it gave some
   * @param retryable  whether the same request may succeed later (rate limit, overload, reset)
   * @param retryAfter the server's minimum wait, if it gave one
   * @param status     the HTTP status, or 0 when there was none
   * @param cause      the underlying exception, if any
   */
  public ModelException(
      String message,
      boolean retryable,
      @Nullable Duration retryAfter,
      int status,
      @Nullable Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
    this.retryAfter = retryAfter;
    this.status = status;
  }

  /** A permanent failure: never retried. */
  public static ModelException permanent(String message) {
    return new ModelException(message, false, null, 0, null);
  }

  /** A transient failure: retried with backoff. */
  public static ModelException retryable(String message, @Nullable Duration retryAfter) {
    return new ModelException(message, true, retryAfter, 0, null);
  }

  /** Whether the same request may succeed if sent again later. */
  public boolean retryable() {
    return retryable;
  }

  /** The server's minimum wait before a retry, when it gave one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** The HTTP status, or 0. */
  public int status() {
    return status;
  }
}
