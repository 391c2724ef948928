package dev.dtrust.core.engine;

import java.util.concurrent.atomic.AtomicLong;

/** Live counters of a run (report.json {@code run}); thread-safe. */
public final class RunCounters {
  final AtomicLong planned = new AtomicLong();
  final AtomicLong answered = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  final AtomicLong cacheHits = new AtomicLong();
  final AtomicLong requests = new AtomicLong();
  final AtomicLong retries = new AtomicLong();
  final AtomicLong promptTokens = new AtomicLong();
  final AtomicLong completionTokens = new AtomicLong();

  /** Probes planned. */
  public long planned() {
    return planned.get();
  }

  /** Probes answered (from the model or the cache). */
  public long answered() {
    return answered.get();
  }

  /** Probes that failed. */
  public long failed() {
    return failed.get();
  }

  /** Answers taken from the cache. */
  public long cacheHits() {
    return cacheHits.get();
  }

  /** Calls made to the model client (retries included). */
  public long requests() {
    return requests.get();
  }

  /** Retries after retryable failures. */
  public long retries() {
    return retries.get();
  }

  /** Prompt tokens the provider reported. */
  public long promptTokens() {
    return promptTokens.get();
  }

  /** Completion tokens the provider reported. */
  public long completionTokens() {
    return completionTokens.get();
  }
}
