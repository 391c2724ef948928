package dev.dtrust.cli;

import dev.dtrust.core.Perspectives;
import dev.dtrust.core.TrustEvaluator;
import dev.dtrust.core.engine.Budget;
import dev.dtrust.core.engine.RetryPolicy;
import dev.dtrust.core.perspective.Perspective;
import dev.dtrust.core.perspective.Selection;
import dev.dtrust.core.report.TrustReport;
import dev.dtrust.spark.ModelClientFactory;
import dev.dtrust.spark.SparkJobFailedException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dt run}: plan, execute, score, write reports. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Evaluate a model: plan the probes, ask the model, score, write report.json.",
    footer = {"", "Examples:",
        "  dt run --model replay:decodingtrust/generations --data decodingtrust --perspectives stereotype --out out/",
        "  spark-submit --class dev.dtrust.cli.Dt dt.jar run --spark-master submit ...  (docs/scale-out.md)"})
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin ModelOptions modelOptions = new ModelOptions();

  @Option(names = "--data", required = true, description = "the data root (upstream data/ layout plus templates/)")
  Path data;

  @Option(names = "--perspectives", split = ",", description = "perspective ids (default: all)")
  List<String> perspectives;

  @Option(names = "--selection", defaultValue = "leaderboard", description = "leaderboard (default) or full")
  String selection;

  @Option(names = "--scenarios", split = ",", description = "run only these scenario ids")
  List<String> scenarios;

  @Option(names = "--out", required = true, description = "folder for report.json")
  Path out;

  @Option(names = "--cache", description = "folder of the persistent response cache")
  Path cache;

  @Option(names = "--max-in-flight", defaultValue = "10", description = "most requests at once (default 10)")
  int maxInFlight;

  @Option(names = "--retry-attempts", defaultValue = "6",
      description = "attempts per request, the first included, for retryable failures (default 6)")
  int retryAttempts;

  @Option(names = "--retry-base-millis", defaultValue = "1000",
      description = "the first backoff ceiling in ms; it doubles per retry up to 60 times itself (default 1000)")
  long retryBaseMillis;

  @Option(names = "--max-requests", defaultValue = "0", description = "stop after this many requests (0: no limit)")
  long maxRequests;

  @Option(names = "--max-tokens", defaultValue = "0", description = "stop after this many tokens (0: no limit)")
  long maxTokens;

  @Option(names = "--dry-run", description = "print the plan (requests per perspective and scenario) and stop")
  boolean dryRun;

  @picocli.CommandLine.Mixin PerspectiveOptions perspectiveOptions = new PerspectiveOptions();

  @picocli.CommandLine.Mixin GateOptions gateOptions = new GateOptions();

  @picocli.CommandLine.Mixin SparkOptions sparkOptions = new SparkOptions();

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    Selection sel = scenarios != null && !scenarios.isEmpty() ? Selection.of(scenarios) : Selection.parse(selection);
    if (sel.kind() == Selection.Kind.NAMED && scenarios == null) {
      throw new IllegalArgumentException("--selection: expected leaderboard or full, found '" + selection + "'");
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("--max-in-flight: expected 1 or more, found " + maxInFlight);
    }
    if (sparkOptions.enabled()) {
      requireSpark();
    }
    List<Perspective> chosen = perspectives == null ? Perspectives.all() : Perspectives.byIds(perspectives);
    TrustEvaluator.Builder b =
        TrustEvaluator.builder()
            .dataRoot(data)
            .perspectives(chosen.stream().map(Perspective::id).toList())
            .selection(sel)
            .maxInFlight(maxInFlight)
            .budget(Budget.of(maxRequests, maxTokens))
            .retryPolicy(retryPolicy())
            .options(perspectiveOptions.asMap())
            .listener(ConsoleListener.forConsole(stderr));
    if (cache != null && !sparkOptions.enabled()) {
      // with Spark the tasks share the folder (SparkRun); the driver asks nothing and reads no cache
      b.cacheDir(cache);
    }
    if (dryRun) {
      PlanEstimate.print(b.build(), stdout);
      return ExitCode.OK;
    }
    ModelSpecs.Opened m = modelOptions.open(chosen);
    try (var client = m.client()) {
      TrustReport report = sparkOptions.enabled() ? onSpark(b.model(client).modelInfo(m.info()), stderr)
          : b.model(client).modelInfo(m.info()).build().evaluate();
      if (report == null) {
        return ExitCode.INCOMPLETE;
      }
      var gates = gateOptions.check(report);
      ReportOutput.write(report, gates, out, stdout);
      return report.run().failed() > 0 ? ExitCode.INCOMPLETE : dev.dtrust.core.gate.Gates.exitCode(gates);
    }
  }

  /**
   * Checks, before anything touches Spark, that Spark is there and that executors can build the
   * model; refuses what would silently mean something else on a cluster.
   */
  private void requireSpark() {
    sparkOptions.validate();
    SparkClassPath.require(RunCommand.class.getClassLoader());
    if (maxRequests > 0 || maxTokens > 0) {
      throw new IllegalArgumentException("--max-requests/--max-tokens: not supported with --spark-master (each Spark task "
          + "would have its own budget); limit the rate with --rpm/--tpm instead");
    }
    ModelClientFactory factory = modelOptions.executorFactory();
    if (!factory.hasProvider()) {
      throw new IllegalArgumentException("--spark-master: Spark executors cannot build the model '" + factory.spec()
          + "'; with Spark use openai:<model> (any OpenAI-compatible server) or sim");
    }
  }

  /** Answers the probes on Spark; the driver plans and scores. Null when the Spark job failed for good. */
  private @Nullable TrustReport onSpark(TrustEvaluator.Builder b, PrintWriter stderr) {
    // the cluster-wide --rpm/--tpm are divided among the tasks running at once (RateShare)
    try (SparkRun spark = SparkRun.start(sparkOptions, modelOptions.executorFactory(), cache,
        modelOptions.requestsPerMinute, modelOptions.tokensPerMinute, retryPolicy())) {
      return b.probeExecutor(spark.executor()).build().evaluate();
    } catch (SparkJobFailedException e) {
      stderr.println("dt: " + e.getMessage()
          + (cache == null ? "" : " (answers so far are in " + cache + "; run again to ask only the rest)"));
      return null;
    }
  }

  private RetryPolicy retryPolicy() {
    if (retryAttempts < 1) {
      throw new IllegalArgumentException("--retry-attempts: expected 1 or more, found " + retryAttempts);
    }
    if (retryBaseMillis < 0) {
      throw new IllegalArgumentException("--retry-base-millis: expected 0 or more, found " + retryBaseMillis);
    }
    return new RetryPolicy(retryAttempts, Duration.ofMillis(retryBaseMillis), Duration.ofMillis(retryBaseMillis * 60));
  }
}
