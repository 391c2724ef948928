package dev.dtrust.clients.http;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * Optional requests-per-minute and tokens-per-minute limits over a sliding one-minute window. One
 * governor is shared by everything that calls the same endpoint: give the same instance to the
 * model under test and to a judge on that endpoint, and together they stay under the limits.
 *
 * <p>Before a call, {@link #acquire(long)} waits until one more request and its estimated tokens
 * fit in the window; after it, {@link #settle(Permit, long)} replaces the estimate with the tokens
 * the provider reported. Thread-safe.
 */
public final class RateGovernor {
  private static final long WINDOW_NANOS = Duration.ofMinutes(1).toNanos();

  /** No limits: {@link #acquire(long)} never waits. */
  public static final RateGovernor UNLIMITED = new RateGovernor(0, 0, System::nanoTime, Sleeper.THREAD);

  private final int requestsPerMinute;
  private final long tokensPerMinute;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private final Deque<Permit> window = new ArrayDeque<>();
  private long tokensInWindow;

  private RateGovernor(int rpm, long tpm, LongSupplier nanoTime, Sleeper sleeper) {
    if (rpm < 0 || tpm < 0) {
      throw new IllegalArgumentException("rate limits must be >= 0 (0: no limit), were rpm=" + rpm + " tpm=" + tpm);
    }
    this.requestsPerMinute = rpm;
    this.tokensPerMinute = tpm;
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
  }

  /** A governor allowing {@code requestsPerMinute} requests and {@code tokensPerMinute} tokens (0: no limit). */
  public static RateGovernor perMinute(int requestsPerMinute, long tokensPerMinute) {
    return new RateGovernor(requestsPerMinute, tokensPerMinute, System::nanoTime, Sleeper.THREAD);
  }

  /** For tests: a governor on a given clock and sleeper. */
  static RateGovernor perMinute(int rpm, long tpm, LongSupplier nanoTime, Sleeper sleeper) {
    return new RateGovernor(rpm, tpm, nanoTime, sleeper);
  }

  /** Whether this governor limits anything. */
  public boolean limits() {
    return requestsPerMinute > 0 || tokensPerMinute > 0;
  }

  /**
   * Waits until a request estimated at {@code estimatedTokens} fits in the window and books it. A
   * single request larger than the whole token limit is let through alone in an empty window
   * rather than blocked forever.
   */
  public Permit acquire(long estimatedTokens) throws InterruptedException {
    if (!limits()) {
      return new Permit(0, estimatedTokens);
    }
    while (true) {
      long wait;
      synchronized (this) {
        long now = nanoTime.getAsLong();
        expire(now);
        boolean requestsFit = requestsPerMinute == 0 || window.size() < requestsPerMinute;
        boolean tokensFit =
            tokensPerMinute == 0 || window.isEmpty() || tokensInWindow + estimatedTokens <= tokensPerMinute;
        if (requestsFit && tokensFit) {
          Permit p = new Permit(now, estimatedTokens);
          window.addLast(p);
          tokensInWindow += estimatedTokens;
          return p;
        }
        wait = window.peekFirst().at + WINDOW_NANOS - now;
      }
      sleeper.sleep(Duration.ofNanos(Math.max(wait, 1_000_000)));
    }
  }

  /** Replaces a permit's estimate with the tokens actually used. */
  public synchronized void settle(Permit permit, long actualTokens) {
    if (!limits() || actualTokens < 0) {
      return;
    }
    if (window.contains(permit)) {
      tokensInWindow += actualTokens - permit.tokens;
    }
    permit.tokens = actualTokens;
  }

  private void expire(long now) {
    while (!window.isEmpty() && now - window.peekFirst().at >= WINDOW_NANOS) {
      tokensInWindow -= window.removeFirst().tokens;
    }
  }

  @Override
  public String toString() {
    return "RateGovernor[rpm=" + requestsPerMinute + ", tpm=" + tokensPerMinute + "]";
  }

  /** One booked request. */
  public static final class Permit {
    final long at;
    long tokens;

    Permit(long at, long tokens) {
      this.at = at;
      this.tokens = tokens;
    }
  }

  /** How the governor waits; replaced in tests. */
  interface Sleeper {
    Sleeper THREAD = d -> Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));

    void sleep(Duration d) throws InterruptedException;
  }
}
