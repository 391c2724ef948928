package dev.dtrust.clients.toxicity;

import java.time.Duration;

/**
 * Spaces calls at most {@code qps} per second (Perspective API's default quota is 1 query per
 * second). 0 means unthrottled. Thread-safe: concurrent callers queue for their slots.
 */
final class QueryPacer {
  private final long intervalNanos;
  private long nextSlot;

  QueryPacer(double qps) {
    if (qps < 0 || Double.isNaN(qps)) {
      throw new IllegalArgumentException("queries per second must be >= 0 (0: unthrottled), was " + qps);
    }
    this.intervalNanos = qps == 0 ? 0 : (long) (1e9 / qps);
  }

  void await() throws InterruptedException {
    if (intervalNanos == 0) {
      return;
    }
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      long slot = Math.max(now, nextSlot);
      nextSlot = slot + intervalNanos;
      wait = slot - now;
    }
    if (wait > 0) {
      Thread.sleep(Duration.ofNanos(wait).toMillis(), (int) (wait % 1_000_000));
    }
  }
}
