package dev.dtrust.core.engine;

import dev.dtrust.core.json.CanonicalJson;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.model.ChatResponse;
import dev.dtrust.core.model.Choice;
import dev.dtrust.core.model.ModelClient;
import dev.dtrust.core.model.ModelException;
import dev.dtrust.core.model.Usage;
import dev.dtrust.core.perspective.Probe;
import dev.dtrust.core.perspective.ProbeOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers probes: cache → budget → retry → {@link ModelClient}, with at most {@code maxInFlight}
 * calls at once (DESIGN.md §3). Outcomes come back in plan order whatever the completion order,
 * so results do not depend on concurrency.
 */
public final class Engine {
  private final ModelClient client;
  private final ResponseCache cache;
  private final int maxInFlight;
  private final RetryPolicy retry;
  private final Budget budget;
  private final EvaluationListener listener;
  private final RunCounters counters;
  private final Sleeper sleeper;

  /** Waits between retries; replaceable in tests. */
  @FunctionalInterface
  public interface Sleeper {
    /** Sleeps for the given time. */
    void sleep(Duration d) throws InterruptedException;
  }

  /**
   * @param client      the model
   * @param cache       the response cache
   * @param maxInFlight the most calls at once (≥ 1)
   * @param retry       the retry policy
   * @param budget      the spending limits
   * @param listener    hears progress
   * @param counters    the run's counters
   * @param sleeper     waits between retries
   */
  public Engine(
      ModelClient client,
      ResponseCache cache,
      int maxInFlight,
      RetryPolicy retry,
      Budget budget,
      EvaluationListener listener,
      RunCounters counters,
      Sleeper sleeper) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be >= 1, was " + maxInFlight);
    }
    this.client = client;
    this.cache = cache;
    this.maxInFlight = maxInFlight;
    this.retry = retry;
    this.budget = budget;
    this.listener = listener;
    this.counters = counters;
    this.sleeper = sleeper;
  }

  /** Answers the probes of one perspective; outcomes in the probes' order. */
  public List<ProbeOutcome> execute(String perspective, List<Probe> probes) {
    counters.planned.addAndGet(probes.size());
    listener.planned(perspective, probes.size());
    // occurrence: how many earlier probes of this plan carry the identical request (DESIGN.md §3)
    Map<String, Integer> seen = new HashMap<>();
    List<String> canonical = new ArrayList<>(probes.size());
    int[] occurrence = new int[probes.size()];
    for (int i = 0; i < probes.size(); i++) {
      String c = CanonicalJson.ofRequest(probes.get(i).request());
      canonical.add(c);
      occurrence[i] = seen.merge(c, 1, Integer::sum) - 1;
    }
    ProbeOutcome[] out = new ProbeOutcome[probes.size()];
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(maxInFlight, Math.max(1, probes.size())),
            r -> {
              Thread t = new Thread(r, "dtrust-engine");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> futures = new ArrayList<>(probes.size());
      for (int i = 0; i < probes.size(); i++) {
        int idx = i;
        futures.add(
            pool.submit(
                () -> {
                  out[idx] = answer(probes.get(idx), canonical.get(idx), occurrence[idx]);
                  listener.progress(perspective, done.incrementAndGet(), probes.size(), counters);
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while answering probes", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("engine task failed", e.getCause());
    } finally {
      pool.shutdownNow();
      cache.flush();
    }
    return List.of(out);
  }

  private ProbeOutcome answer(Probe probe, String canonicalRequest, int occurrence) {
    ChatRequest request = probe.request();
    int n = request.samples();
    boolean emulate = n > 1 && !client.supportsMultipleChoices() && !(client instanceof ProbeAwareClient);
    try {
      if (!emulate) {
        String key = ProbeKey.of(client.modelId(), canonicalRequest, 0, occurrence);
        ChatResponse r = cache.get(key);
        if (r != null) {
          counters.cacheHits.incrementAndGet();
        } else {
          r = call(probe, request, occurrence);
          cache.put(key, r);
        }
        return answered(probe, r);
      }
      // n emulated with separate calls: each sample is cached on its own (sample index)
      List<Choice> choices = new ArrayList<>(n);
      Usage usage = Usage.NONE;
      ChatRequest single = request.withN(null);
      for (int s = 0; s < n; s++) {
        String key = ProbeKey.of(client.modelId(), canonicalRequest, s, occurrence);
        ChatResponse r = cache.get(key);
        if (r != null) {
          counters.cacheHits.incrementAndGet();
        } else {
          r = call(probe, single, occurrence);
          cache.put(key, r);
        }
        if (r.choices().isEmpty()) {
          throw ModelException.permanent("the model returned no choice");
        }
        choices.add(r.choices().get(0));
        usage = usage.plus(r.usage());
      }
      return answered(probe, new ChatResponse(choices, usage, Map.of()));
    } catch (ModelException e) {
      counters.failed.incrementAndGet();
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      listener.failure(probe, reason);
      return ProbeOutcome.failed(probe, reason);
    }
  }

  private ProbeOutcome answered(Probe probe, ChatResponse r) {
    counters.answered.incrementAndGet();
    return ProbeOutcome.answered(probe, r);
  }

  private ChatResponse call(Probe probe, ChatRequest request, int occurrence) {
    for (int attempt = 1; ; attempt++) {
      if (!budget.tryRequest()) {
        throw ModelException.permanent("budget exhausted");
      }
      counters.requests.incrementAndGet();
      try {
        ChatResponse r =
            client instanceof ProbeAwareClient pac ? pac.answer(probe, occurrence) : client.chat(request);
        counters.promptTokens.addAndGet(r.usage().promptTokens());
        counters.completionTokens.addAndGet(r.usage().completionTokens());
        budget.spend(r.usage().promptTokens() + r.usage().completionTokens());
        return r;
      } catch (ModelException e) {
        if (!retry.shouldRetry(attempt, e)) {
          throw e;
        }
        Duration d = retry.delay(attempt, e);
        counters.retries.incrementAndGet();
        listener.retry(probe, attempt, e, d);
        try {
          sleeper.sleep(d);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw ModelException.permanent("interrupted while waiting to retry");
        }
      } catch (RuntimeException e) {
        // a client bug or an unexpected transport error: report the probe as failed, keep the run
        throw new ModelException(
            "client error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
            false, null, 0, e);
      }
    }
  }
}
