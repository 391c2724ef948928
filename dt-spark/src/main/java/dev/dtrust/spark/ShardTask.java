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
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Runs on an executor: builds the model client from its factory, opens this attempt's own part of
 * the shared response cache (reading every other part, so a retried task re-uses what a failed
 * attempt answered), and answers the shard with the ordinary {@link Engine}.
 */
final class ShardTask implements Function<Shard, ShardResult> {
  private static final long serialVersionUID = 1L;

  private final ModelClientFactory factory;
  private final @Nullable String cacheDir;
  private final int maxInFlight;

  ShardTask(ModelClientFactory factory, @Nullable String cacheDir, int maxInFlight) {
    this.factory = factory;
    this.cacheDir = cacheDir;
    this.maxInFlight = maxInFlight;
  }

  @Override
  public ShardResult call(Shard shard) {
    RunCounters counters = new RunCounters();
    try (ModelClient client = factory.create(); ResponseCache cache = openCache(shard)) {
      long http0 = client.httpCalls();
      Engine engine = new Engine(client, cache, maxInFlight, RetryPolicy.defaults(), Budget.unlimited(),
          new EvaluationListener() {}, counters, d -> Thread.sleep(d.toMillis()));
      List<ProbeOutcome> outcomes = engine.execute(shard.perspective(), shard.probes());
      RunCounters.Snapshot s = counters.snapshot();
      RunCounters.Snapshot withHttp = new RunCounters.Snapshot(s.planned(), s.answered(), s.failed(), s.cacheHits(),
          s.requests(), s.retries(), s.promptTokens(), s.completionTokens(), client.httpCalls() - http0);
      return new ShardResult(shard.planIndices(), outcomes, withHttp);
    }
  }

  private ResponseCache openCache(Shard shard) {
    if (cacheDir == null) {
      return ResponseCache.inMemory();
    }
    TaskContext tc = TaskContext.get();
    // one file per task attempt: concurrent and retried attempts never append to the same file
    String writer = shard.perspective() + "-shard" + shard.index()
        + (tc == null ? "" : "-stage" + tc.stageId() + "." + tc.stageAttemptNumber() + "-task" + tc.taskAttemptId());
    try {
      return ResponseCache.openPart(Path.of(cacheDir), writer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the response cache in " + cacheDir, e);
    }
  }
}
