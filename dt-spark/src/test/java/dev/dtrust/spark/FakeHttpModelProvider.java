package dev.dtrust.spark;

import dev.dtrust.core.model.ModelClient;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;

/**
 * Test provider for {@code fakehttp:<model>}: options {@code baseUrl}, {@code apiKeyEnv} (the key
 * is read from the executor's environment) and {@code crashFirstAttemptAfter=K}, which makes the
 * first attempt of every task die (an {@link Error}, as a lost executor would) before its K+1-th call.
 */
public final class FakeHttpModelProvider implements ModelClientProvider {
  /** How many calls crashed on purpose (an attempt's engine may start a few more calls before it stops). */
  static final AtomicInteger CRASHES = new AtomicInteger();
  /** The task attempts that crashed, as "stage.partition.attempt". */
  static final java.util.Set<String> CRASHED_ATTEMPTS = java.util.concurrent.ConcurrentHashMap.newKeySet();
  /** The rate options ("rpm/tpm") of every client built with a rate share. */
  static final Queue<String> RATE_SHARES = new ConcurrentLinkedQueue<>();

  @Override
  public boolean supports(String spec) {
    return spec.startsWith("fakehttp:");
  }

  @Override
  public ModelClient create(String spec, Map<String, String> options, Environment env) {
    String keyVar = options.getOrDefault("apiKeyEnv", "DT_SPARK_TEST_API_KEY");
    String key = env.get(keyVar);
    if (key == null) {
      throw new IllegalStateException("the executor's environment has no " + keyVar);
    }
    if (options.containsKey(ModelClientFactory.REQUESTS_PER_MINUTE)) {
      RATE_SHARES.add(options.get(ModelClientFactory.REQUESTS_PER_MINUTE) + "/" + options.get(ModelClientFactory.TOKENS_PER_MINUTE));
    }
    long crashAfter = Long.parseLong(options.getOrDefault("crashFirstAttemptAfter", "-1"));
    // the engine calls the client from its own threads, where Spark's thread-local TaskContext is absent
    TaskContext tc = TaskContext.get();
    FakeHttpModel.CallHook hook = answered -> {
      if (crashAfter >= 0 && tc != null && tc.attemptNumber() == 0 && answered >= crashAfter) {
        CRASHES.incrementAndGet();
        CRASHED_ATTEMPTS.add(tc.stageId() + "." + tc.partitionId() + "." + tc.attemptNumber());
        throw new SimulatedExecutorCrash("first attempt of task " + tc.partitionId() + " dies after " + answered + " answers");
      }
    };
    return new FakeHttpModel(spec.substring("fakehttp:".length()), options.get("baseUrl"), key, hook);
  }

  /** Not a {@link RuntimeException}, so the engine does not turn it into a failed probe: the task dies. */
  static final class SimulatedExecutorCrash extends Error {
    private static final long serialVersionUID = 1L;

    SimulatedExecutorCrash(String message) {
      super(message);
    }
  }
}
