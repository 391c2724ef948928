package dev.dtrust.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options of {@code dt run} that answer the probes on a Spark cluster (dt-spark). */
final class SparkOptions {
  /** The {@code --spark-master} value that keeps the master spark-submit configured. */
  static final String FROM_SUBMIT = "submit";

  @Option(names = "--spark-master", paramLabel = "URL",
      description = "answer the probes on Spark: local[4], spark://host:7077, yarn, k8s://…, or 'submit' for the master "
          + "spark-submit configured. Needs Spark on the class path (run the dt jar with spark-submit)")
  @Nullable String master;

  @Option(names = "--spark-shards", paramLabel = "N",
      description = "Spark tasks per perspective (default: the cluster's default parallelism)")
  @Nullable Integer shards;

  @Option(names = "--spark-in-flight-per-task", paramLabel = "N", defaultValue = "10",
      description = "most model calls at once within one Spark task (default 10); --max-in-flight is not used with Spark")
  int inFlightPerTask;

  @Option(names = "--spark-conf", paramLabel = "KEY=VALUE", description = "a Spark setting, e.g. spark.ui.enabled=false (repeatable)")
  Map<String, String> conf = new LinkedHashMap<>();

  /** Whether the run goes to Spark. */
  boolean enabled() {
    return master != null;
  }

  /** Checks the numbers; throws a usage error naming the option. */
  void validate() {
    if (master != null && master.isBlank()) {
      throw new IllegalArgumentException("--spark-master: expected a master URL or 'submit', found ''");
    }
    if (shards != null && shards < 1) {
      throw new IllegalArgumentException("--spark-shards: expected 1 or more, found " + shards);
    }
    if (inFlightPerTask < 1) {
      throw new IllegalArgumentException("--spark-in-flight-per-task: expected 1 or more, found " + inFlightPerTask);
    }
  }
}
