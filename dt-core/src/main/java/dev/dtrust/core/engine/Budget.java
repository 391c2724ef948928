package dev.dtrust.core.engine;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Limits on what a run may spend. When a limit is reached, the remaining probes fail with "budget
 * exhausted" and what was answered is kept; the run is reported as partial.
 */
public final class Budget {
  private final long maxRequests;
  private final long maxTokens;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong tokens = new AtomicLong();

  private Budget(long maxRequests, long maxTokens) {
    this.maxRequests = maxRequests;
    this.maxTokens = maxTokens;
  }

  /** No limit. */
  public static Budget unlimited() {
    return new Budget(Long.MAX_VALUE, Long.MAX_VALUE);
  }

  /** At most this many model requests and tokens (prompt + completion); ≤ 0 means no limit. */
  public static Budget of(long maxRequests, long maxTokens) {
    return new Budget(
        maxRequests <= 0 ? Long.MAX_VALUE : maxRequests, maxTokens <= 0 ? Long.MAX_VALUE : maxTokens);
  }

  /** Takes one request from the budget; false when it is spent. */
  boolean tryRequest() {
    if (tokens.get() >= maxTokens) {
      return false;
    }
    return requests.incrementAndGet() <= maxRequests;
  }

  /** Records tokens spent. */
  void spend(long tokenCount) {
    tokens.addAndGet(tokenCount);
  }

  /** Whether a limit has been reached. */
  public boolean exhausted() {
    return requests.get() >= maxRequests || tokens.get() >= maxTokens;
  }

  /** A fresh budget with the same limits. */
  public Budget fresh() {
    return new Budget(maxRequests, maxTokens);
  }
}
