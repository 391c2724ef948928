package dev.dtrust.spark;

/**
 * A perspective's Spark job failed for good (a shard's task failed as many times as Spark allows);
 * what its tasks answered is in the cache folder, if one was given, and a rerun re-uses it.
 */
public final class SparkJobFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SparkJobFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
