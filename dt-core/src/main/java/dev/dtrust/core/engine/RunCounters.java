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
  final AtomicLong httpCalls = new AtomicLong();

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

  /** HTTP calls made by clients elsewhere (e.g. Spark executors); local clients report theirs directly. */
  public long httpCalls() {
    return httpCalls.get();
  }

  /** A serializable copy of the counters, to send from where probes were answered. */
  public Snapshot snapshot() {
    return new Snapshot(planned(), answered(), failed(), cacheHits(), requests(), retries(), promptTokens(),
        completionTokens(), httpCalls());
  }

  /** Adds counters measured elsewhere (another process, a Spark executor). */
  public void add(Snapshot s) {
    planned.addAndGet(s.planned());
    answered.addAndGet(s.answered());
    failed.addAndGet(s.failed());
    cacheHits.addAndGet(s.cacheHits());
    requests.addAndGet(s.requests());
    retries.addAndGet(s.retries());
    promptTokens.addAndGet(s.promptTokens());
    completionTokens.addAndGet(s.completionTokens());
    httpCalls.addAndGet(s.httpCalls());
  }

  /**
   * The counters at one moment.
   *
   * @param planned          probes planned
   * @param answered         probes answered
   * @param failed           probes that failed
   * @param cacheHits        answers taken from the cache
   * @param requests         calls made to the model client
   * @param retries          retries after retryable failures
   * @param promptTokens     prompt tokens reported
   * @param completionTokens completion tokens reported
   * @param httpCalls        HTTP calls made
   */
  public record Snapshot(long planned, long answered, long failed, long cacheHits, long requests, long retries,
      long promptTokens, long completionTokens, long httpCalls) implements java.io.Serializable {}
}
