package dev.dtrust.cli;

import dev.dtrust.core.engine.ProbeExecutor;
import dev.dtrust.core.engine.RetryPolicy;
import dev.dtrust.spark.ModelClientFactory;
import dev.dtrust.spark.SparkProbeExecutor;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;

/**
 * The Spark side of {@code dt run --spark-master}: a session and a {@link SparkProbeExecutor}. The
 * only class of the command line that names Spark types; {@link RunCommand} loads it only after
 * {@link SparkClassPath#require} found Spark.
 */
final class SparkRun implements AutoCloseable {
  private final SparkSession session;
  private final boolean ownSession;
  private final SparkProbeExecutor executor;

  private SparkRun(SparkSession session, boolean ownSession, SparkProbeExecutor executor) {
    this.session = session;
    this.ownSession = ownSession;
    this.executor = executor;
  }

  /**
   * Starts (or joins) a session and builds the executor.
   *
   * @param options   the --spark-* options
   * @param factory   what each task builds its model client from (no secrets)
   * @param cache     the run's --cache folder, shared by all tasks (on a cluster: shared storage)
   * @param rpm       the cluster-wide requests-per-minute limit (0: none)
   * @param tpm       the cluster-wide tokens-per-minute limit (0: none)
   * @param retry     how tasks retry
   */
  static SparkRun start(SparkOptions options, ModelClientFactory factory, @Nullable Path cache, int rpm, long tpm,
      RetryPolicy retry) {
    SparkSession.Builder b = SparkSession.builder().appName("dt run " + factory.spec());
    if (!SparkOptions.FROM_SUBMIT.equals(options.master)) {
      b.master(options.master);
    } else if (!new org.apache.spark.SparkConf().contains("spark.master")) {
      throw new IllegalArgumentException("--spark-master submit: no master is configured; run the dt jar with "
          + "spark-submit --master URL, or give the URL to --spark-master");
    }
    options.conf.forEach(b::config);
    boolean existed = SparkSession.getDefaultSession().isDefined();
    SparkSession session = b.getOrCreate();
    try {
      SparkProbeExecutor.Builder eb = SparkProbeExecutor.builder(session, factory)
          .maxInFlightPerTask(options.inFlightPerTask).requestsPerMinute(rpm).tokensPerMinute(tpm).retryPolicy(retry);
      if (options.shards != null) {
        eb.shards(options.shards);
      }
      if (cache != null) {
        eb.cacheDir(cache);
      }
      return new SparkRun(session, !existed, eb.build());
    } catch (RuntimeException e) {
      if (!existed) {
        session.stop();
      }
      throw e;
    }
  }

  /** The executor to give the evaluator. */
  ProbeExecutor executor() {
    return executor;
  }

  /** Stops the session if this run started it (not one that spark-submit's driver or a caller shares). */
  @Override
  public void close() {
    if (ownSession) {
      session.stop();
    }
  }
}
