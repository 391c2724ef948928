package dev.dtrust.spark;

import dev.dtrust.core.TrustEvaluator;
import dev.dtrust.core.data.DataRoot;
import dev.dtrust.core.engine.EvaluationListener;
import dev.dtrust.core.engine.RetryPolicy;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.model.ChatResponse;
import dev.dtrust.core.model.ModelClient;
import dev.dtrust.core.perspective.Perspective;
import dev.dtrust.core.perspective.Selection;
import dev.dtrust.core.report.ModelInfo;
import dev.dtrust.core.report.TrustReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates a model with its probes answered on a Spark cluster: {@link TrustEvaluator}'s builder
 * vocabulary plus the Spark settings. The driver plans and scores with the perspectives' own code;
 * each task answers its shard with an executor-local engine and a client built from the
 * {@link ModelClientFactory} (see {@link SparkProbeExecutor}). The report equals the single-process
 * report for the same inputs, timings aside.
 *
 * <pre>{@code
 * TrustReport report = SparkTrustEvaluator.builder(spark, ModelClientFactory.of("openai:my-model",
 *         Map.of("baseUrl", "http://10.0.0.5:8000/v1", "apiKeyEnv", "OPENAI_API_KEY")))
 *     .dataRoot(Path.of("/shared/decodingtrust")).perspectives("stereotype", "fairness")
 *     .cacheDir(Path.of("/shared/dtrust-cache")).shards(64).maxInFlight(8).requestsPerMinute(3000)
 *     .build().evaluate();
 * }</pre>
 */
public final class SparkTrustEvaluator {
  private final TrustEvaluator evaluator;

  private SparkTrustEvaluator(TrustEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  /** A builder for a session and the factory each task builds its model client from. */
  public static Builder builder(SparkSession spark, ModelClientFactory factory) {
    return new Builder(spark, factory);
  }

  /** The perspectives that will be evaluated. */
  public List<Perspective> perspectives() {
    return evaluator.perspectives();
  }

  /** Plans on the driver, answers on the executors, scores on the driver. */
  public TrustReport evaluate() {
    return evaluator.evaluate();
  }

  /** Settings of a {@link SparkTrustEvaluator}; the names are {@link TrustEvaluator.Builder}'s. */
  public static final class Builder {
    private final ModelClientFactory factory;
    private final SparkProbeExecutor.Builder executor;
    private final TrustEvaluator.Builder evaluator = TrustEvaluator.builder();
    private @Nullable ModelInfo modelInfo;

    private Builder(SparkSession spark, ModelClientFactory factory) {
      this.factory = factory;
      this.executor = SparkProbeExecutor.builder(spark, factory);
    }

    /** The data root, a folder every executor need not see (only the driver reads it). */
    public Builder dataRoot(Path root) {
      evaluator.dataRoot(root);
      return this;
    }

    /** The data root. */
    public Builder dataRoot(DataRoot root) {
      evaluator.dataRoot(root);
      return this;
    }

    /** The perspectives to evaluate (default: all). */
    public Builder perspectives(String... ids) {
      evaluator.perspectives(ids);
      return this;
    }

    /** The perspectives to evaluate (default: all). */
    public Builder perspectives(List<String> ids) {
      evaluator.perspectives(ids);
      return this;
    }

    /** Which scenarios (default: the leaderboard's). */
    public Builder selection(Selection s) {
      evaluator.selection(s);
      return this;
    }

    /** A perspective option ({@code stereotype.promptForm}, …). */
    public Builder option(String key, String value) {
      evaluator.option(key, value);
      return this;
    }

    /** Perspective options. */
    public Builder options(Map<String, String> values) {
      evaluator.options(values);
      return this;
    }

    /** An extension for perspectives (e.g. a toxicity scorer); it runs on the driver. */
    public <T> Builder extension(Class<T> type, T instance) {
      evaluator.extension(type, instance);
      return this;
    }

    /** Driver-side events: planned and scored per perspective (tasks report nothing live). */
    public Builder listener(EvaluationListener l) {
      evaluator.listener(l);
      return this;
    }

    /**
     * The response cache: a folder on storage every executor and the driver see; each task attempt
     * appends to its own part, so a retried task skips what was answered.
     */
    public Builder cacheDir(Path dir) {
      executor.cacheDir(dir);
      return this;
    }

    /** Calls in flight per task (the cluster's concurrency is this times the tasks running at once). */
    public Builder maxInFlight(int n) {
      executor.maxInFlightPerTask(n);
      return this;
    }

    /** How tasks retry failed calls. */
    public Builder retryPolicy(RetryPolicy p) {
      executor.retryPolicy(p);
      return this;
    }

    /** The cluster-wide requests-per-minute limit, divided among the tasks running at once. */
    public Builder requestsPerMinute(int rpm) {
      executor.requestsPerMinute(rpm);
      return this;
    }

    /** The cluster-wide tokens-per-minute limit, divided among the tasks running at once. */
    public Builder tokensPerMinute(long tpm) {
      executor.tokensPerMinute(tpm);
      return this;
    }

    /** Shards (Spark tasks) per perspective. */
    public Builder shards(int n) {
      executor.shards(n);
      return this;
    }

    /** Tasks that run at once (default: the session's default parallelism); divides the rate limits. */
    public Builder taskSlots(int n) {
      executor.taskSlots(n);
      return this;
    }

    /**
     * How the report names the model. Without it the driver builds one client from the factory to
     * learn the model's id (it makes no call; the provider may need its key variable on the driver).
     */
    public Builder modelInfo(ModelInfo info) {
      this.modelInfo = info;
      return this;
    }

    /** The evaluator. */
    public SparkTrustEvaluator build() {
      String modelId;
      if (modelInfo != null) {
        evaluator.modelInfo(modelInfo);
        modelId = modelInfo.id();
      } else {
        try (ModelClient client = factory.create()) {
          modelId = client.modelId();
        }
      }
      return new SparkTrustEvaluator(evaluator.model(new NamingModel(modelId)).probeExecutor(executor.build()).build());
    }
  }

  /** Names the model on the driver; the executors answer, so a call here is a bug. */
  private record NamingModel(String modelId) implements ModelClient {
    @Override
    public ChatResponse chat(ChatRequest request) {
      throw new IllegalStateException("the driver asks no model: Spark executors answer the probes");
    }
  }
}
