package dev.dtrust.spark;

import dev.dtrust.core.engine.ProbeExecutor;
import dev.dtrust.core.engine.RetryPolicy;
import dev.dtrust.core.engine.RunCounters;
import dev.dtrust.core.json.CanonicalJson;
import dev.dtrust.core.perspective.Probe;
import dev.dtrust.core.perspective.ProbeOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ProbeExecutor} that shards a perspective's plan across Spark executors (DESIGN.md §11).
 *
 * <p>Probes are sharded by a hash of their canonical request, so identical requests share a shard
 * and keep their plan-wide occurrence; each shard is one task that answers with the ordinary engine
 * and its own part of the shared response cache. The driver puts the outcomes back in plan order,
 * so {@link dev.dtrust.core.TrustEvaluator} scores exactly what a single-process run would.
 *
 * <pre>{@code
 * TrustReport report = TrustEvaluator.builder()
 *     .model(factory.create())                 // names the model in the report
 *     .probeExecutor(SparkProbeExecutor.builder(spark, factory).cacheDir(shared).build())
 *     .dataRoot(root).perspectives("stereotype").build().evaluate();
 * }</pre>
 *
 * <p>A cluster-wide rate limit ({@link Builder#requestsPerMinute}, {@link Builder#tokensPerMinute})
 * is divided among the tasks that run at once ({@link RateShare}). With a cache folder, what failed
 * task attempts spent is counted too ({@link AttemptCounters}). Budgets and listeners are per task,
 * not global; a cache folder must be on storage every executor sees (a shared file system) for
 * retried tasks to re-use answers.
 */
public final class SparkProbeExecutor implements ProbeExecutor {
  private final JavaSparkContext jsc;
  private final ModelClientFactory factory;
  private final @Nullable Path cacheDir;
  private final int shards;
  private final int maxInFlightPerTask;
  private final int taskSlots;
  private final int requestsPerMinute;
  private final long tokensPerMinute;
  private final RetryPolicy retryPolicy;

  private SparkProbeExecutor(Builder b) {
    this.jsc = JavaSparkContext.fromSparkContext(b.spark.sparkContext());
    this.factory = b.factory;
    this.cacheDir = b.cacheDir;
    this.taskSlots = b.taskSlots > 0 ? b.taskSlots : Math.max(1, jsc.defaultParallelism());
    this.shards = b.shards > 0 ? b.shards : taskSlots;
    this.maxInFlightPerTask = b.maxInFlightPerTask;
    this.requestsPerMinute = b.requestsPerMinute;
    this.tokensPerMinute = b.tokensPerMinute;
    this.retryPolicy = b.retryPolicy;
    // fail at build time, not in the middle of a run, when the limit cannot be shared at all
    rateShare(shards);
  }

  /** A builder for a session and a model. */
  public static Builder builder(SparkSession spark, ModelClientFactory factory) {
    return new Builder(spark, factory);
  }

  @Override
  public List<ProbeOutcome> execute(String perspective, List<Probe> probes, RunCounters counters) {
    if (probes.isEmpty()) {
      return List.of();
    }
    List<Shard> plan = shard(perspective, probes, shards);
    String cache = cacheDir == null ? null : cacheDir.toAbsolutePath().toString();
    // names this job's cache parts, so the driver finds its failed attempts and no earlier run's
    String jobTag = "run" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    ShardTask task = new ShardTask(factory, cache, maxInFlightPerTask, rateShare(plan.size()), retryPolicy, jobTag);
    jsc.setJobDescription("dtrust " + perspective + ": " + probes.size() + " probes in " + plan.size() + " shards");
    List<ShardResult> results;
    try {
      results = jsc.parallelize(plan, plan.size()).map(task).collect();
    } catch (Exception e) {
      // Spark throws its checked SparkException undeclared; callers see one exception type
      throw new SparkJobFailedException("the Spark job of " + perspective + " failed: " + firstLine(e), e);
    }
    ProbeOutcome[] out = new ProbeOutcome[probes.size()];
    Set<String> succeeded = new HashSet<>();
    for (ShardResult r : results) {
      counters.add(r.counters());
      if (r.writer() != null) {
        succeeded.add(r.writer());
      }
      for (int i = 0; i < r.outcomes().size(); i++) {
        out[r.planIndices().get(i)] = r.outcomes().get(i);
      }
    }
    if (cacheDir != null) {
      AttemptCounters.unsuccessful(cacheDir, jobTag, succeeded).forEach(counters::add);
    }
    for (int i = 0; i < out.length; i++) {
      if (out[i] == null) {
        throw new IllegalStateException("no outcome for probe " + i + " of " + perspective);
      }
    }
    return Arrays.asList(out);
  }

  /** Each task's share of the cluster-wide rate limit when a job has this many shards. */
  RateShare rateShare(int jobShards) {
    return RateShare.divide(requestsPerMinute, tokensPerMinute, RateShare.concurrentTasks(jobShards, taskSlots));
  }

  private static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** Splits a plan into non-empty shards by a hash of each canonical request; plan order within a shard. */
  static List<Shard> shard(String perspective, List<Probe> probes, int count) {
    List<List<Integer>> indices = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      indices.add(new ArrayList<>());
    }
    for (int i = 0; i < probes.size(); i++) {
      String canonical = CanonicalJson.ofRequest(probes.get(i).request());
      indices.get(Math.floorMod(canonical.hashCode(), count)).add(i);
    }
    List<Shard> out = new ArrayList<>();
    for (List<Integer> idx : indices) {
      if (!idx.isEmpty()) {
        out.add(new Shard(perspective, out.size(), List.copyOf(idx), idx.stream().map(probes::get).toList()));
      }
    }
    return out;
  }

  /** Builds a {@link SparkProbeExecutor}. */
  public static final class Builder {
    private final SparkSession spark;
    private final ModelClientFactory factory;
    private @Nullable Path cacheDir;
    private int shards;
    private int maxInFlightPerTask = 10;
    private int taskSlots;
    private int requestsPerMinute;
    private long tokensPerMinute;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();

    private Builder(SparkSession spark, ModelClientFactory factory) {
      this.spark = Objects.requireNonNull(spark);
      this.factory = Objects.requireNonNull(factory);
    }

    /** The shared response cache folder (default: none, each task answers from memory). */
    public Builder cacheDir(Path dir) {
      this.cacheDir = dir;
      return this;
    }

    /** How many tasks a plan is split into (default: the context's default parallelism). */
    public Builder shards(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("shards must be >= 1, was " + n);
      }
      this.shards = n;
      return this;
    }

    /** The most model calls at once within one task (default 10). */
    public Builder maxInFlightPerTask(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("maxInFlightPerTask must be >= 1, was " + n);
      }
      this.maxInFlightPerTask = n;
      return this;
    }

    /**
     * How many tasks the cluster runs at once (default: the context's default parallelism, which
     * is the executors' total cores unless {@code spark.default.parallelism} says otherwise). Set it
     * when executors come and go (dynamic allocation), so rate shares are computed for the most.
     */
    public Builder taskSlots(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("taskSlots must be >= 1, was " + n);
      }
      this.taskSlots = n;
      return this;
    }

    /**
     * The endpoint's requests-per-minute limit for the whole cluster (default 0: no limit); each
     * task's client gets its share ({@link RateShare#divide}).
     */
    public Builder requestsPerMinute(int rpm) {
      if (rpm < 0) {
        throw new IllegalArgumentException("requestsPerMinute must be >= 0 (0: no limit), was " + rpm);
      }
      this.requestsPerMinute = rpm;
      return this;
    }

    /**
     * The endpoint's tokens-per-minute limit for the whole cluster (default 0: no limit); each
     * task's client gets its share ({@link RateShare#divide}).
     */
    public Builder tokensPerMinute(long tpm) {
      if (tpm < 0) {
        throw new IllegalArgumentException("tokensPerMinute must be >= 0 (0: no limit), was " + tpm);
      }
      this.tokensPerMinute = tpm;
      return this;
    }

    /** How each task retries retryable failures (default {@link RetryPolicy#defaults()}). */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy);
      return this;
    }

    /** The executor. */
    public SparkProbeExecutor build() {
      return new SparkProbeExecutor(this);
    }
  }
}
