package dev.dtrust.core.report;

/**
 * The run counters of report.json.
 *
 * @param planned          probes planned
 * @param answered         probes answered (model or cache)
 * @param failed           probes failed
 * @param cacheHits        answers from the cache
 * @param requests         calls to the model client
 * @param httpCalls        HTTP requests sent (retries and n fall-backs included)
 * @param retries          retries after retryable failures
 * @param promptTokens     prompt tokens reported by the provider
 * @param completionTokens completion tokens reported by the provider
 * @param wallMillis       wall time of the run
 */
public record RunStats(
    long planned,
    long answered,
    long failed,
    long cacheHits,
    long requests,
    long httpCalls,
    long retries,
    long promptTokens,
    long completionTokens,
    long wallMillis) {

  /** Counters of a run that called no model (rescoring). */
  public static RunStats none(long wallMillis) {
    return new RunStats(0, 0, 0, 0, 0, 0, 0, 0, 0, wallMillis);
  }
}
