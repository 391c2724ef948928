package dev.dtrust.spark;

import dev.dtrust.core.TrustEvaluator;
import dev.dtrust.core.report.TrustReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * A benchmark program, not a test: the stereotype leaderboard plan on {@code local[1]}, {@code
 * local[2]} and {@code local[4]} against the fake server with a fixed latency per call. Probes are
 * model-bound, so throughput should grow with executors until the fake's latency stops dominating.
 * How to run it: docs/scale-out.md.
 *
 * <p>Arguments: latency in ms (default 20), calls in flight per task (default 2). The key the
 * fake client sends is read from {@code DT_SPARK_TEST_API_KEY}.
 */
public final class SparkScalingBenchmark {
  private static final int REPEATS = 5;

  private SparkScalingBenchmark() {}

  /** Runs the benchmark and prints one line per executor count. */
  public static void main(String[] args) throws Exception {
    long latency = args.length > 0 ? Long.parseLong(args[0]) : 20;
    int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    Path dir = Files.createTempDirectory("dt-spark-bench");
    Path root = SparkEvaluationTest.stereotypeRoot(dir.resolve("root"));
    System.out.printf("latency %d ms, %d calls in flight per task%n", latency, inFlight);
    for (int executors : new int[] {1, 2, 4}) {
      SparkSession spark = SparkSession.builder().appName("dtrust-bench").master("local[" + executors + "]")
          .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
      try (FakeChatServer server = new FakeChatServer(latency)) {
        ModelClientFactory f = ModelClientFactory.of("fakehttp:bench",
            Map.of("baseUrl", server.baseUrl(), "apiKeyEnv", "DT_SPARK_TEST_API_KEY"));
        SparkProbeExecutor ex = SparkProbeExecutor.builder(spark, f).shards(executors).maxInFlightPerTask(inFlight).build();
        // the first run of each session pays for Spark's and the JIT's warm-up; report the median of the rest
        double[] seconds = new double[REPEATS];
        TrustReport r = null;
        for (int i = -1; i < REPEATS; i++) {
          long t0 = System.nanoTime();
          r = TrustEvaluator.builder().model(f.create()).dataRoot(root).perspectives("stereotype")
              .probeExecutor(ex).build().evaluate();
          if (i >= 0) {
            seconds[i] = (System.nanoTime() - t0) / 1e9;
          }
        }
        java.util.Arrays.sort(seconds);
        double median = seconds[REPEATS / 2];
        System.out.printf("executors %d: %d probes, %d HTTP calls per run, median of %d runs %.2f s, %.1f probes/s, score %s%n",
            executors, r.run().planned(), r.run().httpCalls(), REPEATS, median, r.run().planned() / median, r.score());
      } finally {
        spark.stop();
      }
    }
  }
}
