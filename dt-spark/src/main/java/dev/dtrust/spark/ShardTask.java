package dev.dtrust.spark;

import dev.dtrust.core.engine.Budget;
import dev.dtrust.core.engine.Engine;
import dev.dtrust.core.engine.EvaluationListener;
import dev.dtrust.core.engine.ResponseCache;
import dev.dtrust.core.engine.RetryPolicy;
import dev.dtrust.core.engine.RunCounters;
import dev.dtrust.core.model.ModelClient;
import dev.dtrust.core.perspective.ProbeOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Runs on an executor: builds the model client from its factory (with this task's share of the
 * cluster-wide rate limit), opens this attempt's own part of the shared response cache (reading
 * every other part, so a retried task re-uses what a failed attempt answered), and answers the
 * shard with the ordinary {@link Engine}. With a cache folder, the attempt also keeps its counters
 * beside its part ({@link AttemptCounters}), every few seconds and when it ends, so the driver can
 * count what failed attempts spent.
 */
final class ShardTask implements Function<Shard, ShardResult> {
  private static final long serialVersionUID = 1L;
  private static final long COUNTERS_EVERY_SECONDS = 5;

  private final ModelClientFactory factory;
  private final @Nullable String cacheDir;
  private final int maxInFlight;
  private final RateShare rate;
  private final int retryAttempts;
  private final long retryBaseMillis;
  private final long retryMaxMillis;
  private final String jobTag;

  ShardTask(ModelClientFactory factory, @Nullable String cacheDir, int maxInFlight, RateShare rate, RetryPolicy retry,
      String jobTag) {
    this.factory = factory;
    this.cacheDir = cacheDir;
    this.maxInFlight = maxInFlight;
    this.rate = rate;
    // RetryPolicy is not Serializable; its three numbers are
    this.retryAttempts = retry.maxAttempts();
    this.retryBaseMillis = retry.baseDelay().toMillis();
    this.retryMaxMillis = retry.maxDelay().toMillis();
    this.jobTag = jobTag;
  }

  /** The factory a task builds its client with: the spec and options, plus this task's rate share. */
  ModelClientFactory clientFactory() {
    return rate.limits() ? factory.withRateShare(rate) : factory;
  }

  @Override
  public ShardResult call(Shard shard) {
    RunCounters counters = new RunCounters();
    String writer = writerName(shard, TaskContext.get());
    @Nullable Path partDir = cacheDir == null ? null : Path.of(cacheDir).resolve(ResponseCache.PARTS).resolve(writer);
    try (ModelClient client = clientFactory().create(); ResponseCache cache = openCache(writer)) {
      long http0 = client.httpCalls();
      Supplier<RunCounters.Snapshot> snapshot = () -> withHttpCalls(counters.snapshot(), client.httpCalls() - http0);
      ScheduledExecutorService recorder = partDir == null ? null : startRecorder(partDir, snapshot);
      try {
        Engine engine = new Engine(client, cache, maxInFlight, retryPolicy(), Budget.unlimited(),
            new EvaluationListener() {}, counters, d -> Thread.sleep(d.toMillis()));
        List<ProbeOutcome> outcomes = engine.execute(shard.perspective(), shard.probes());
        return new ShardResult(shard.planIndices(), outcomes, snapshot.get(), partDir == null ? null : writer);
      } finally {
        if (recorder != null) {
          stop(recorder);
          AttemptCounters.write(partDir, snapshot.get());
        }
      }
    }
  }

  private RetryPolicy retryPolicy() {
    return new RetryPolicy(retryAttempts, Duration.ofMillis(retryBaseMillis), Duration.ofMillis(retryMaxMillis));
  }

  /** One name per task attempt: concurrent and retried attempts never append to the same file. */
  String writerName(Shard shard, @Nullable TaskContext tc) {
    return shard.perspective() + "-shard" + shard.index() + "-" + jobTag
        + (tc == null ? "" : "-stage" + tc.stageId() + "." + tc.stageAttemptNumber() + "-task" + tc.taskAttemptId());
  }

  /** Keeps the counters on disk while the attempt runs, so an executor that dies leaves most of them. */
  private static ScheduledExecutorService startRecorder(Path partDir, Supplier<RunCounters.Snapshot> snapshot) {
    ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "dtrust-attempt-counters");
      t.setDaemon(true);
      return t;
    });
    s.scheduleWithFixedDelay(() -> AttemptCounters.write(partDir, snapshot.get()), COUNTERS_EVERY_SECONDS,
        COUNTERS_EVERY_SECONDS, TimeUnit.SECONDS);
    return s;
  }

  /** Lets a write in progress finish, so the last write below is the one that stays. */
  private static void stop(ScheduledExecutorService recorder) {
    recorder.shutdown();
    try {
      recorder.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static RunCounters.Snapshot withHttpCalls(RunCounters.Snapshot s, long httpCalls) {
    return new RunCounters.Snapshot(s.planned(), s.answered(), s.failed(), s.cacheHits(), s.requests(), s.retries(),
        s.promptTokens(), s.completionTokens(), httpCalls);
  }

  private ResponseCache openCache(String writer) {
    if (cacheDir == null) {
      return ResponseCache.inMemory();
    }
    try {
      return ResponseCache.openPart(Path.of(cacheDir), writer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the response cache in " + cacheDir, e);
    }
  }
}
