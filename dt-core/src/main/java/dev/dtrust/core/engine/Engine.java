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
import dev.dtrust.core.json.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Answers probes: cache → budget → retry → {@link ModelClient}, with at most {@code maxInFlight}
 * calls at once (DESIGN.md §3). Outcomes come back in plan order whatever the completion order,
 * so results do not depend on concurrency. A plan streams through: only the probes in flight are
 * held, not the plan.
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
    try (OutcomeLog log = execute(perspective, probes.stream(), probes.size())) {
      return log.over(probes);
    }
  }

  /**
   * Answers a plan as it streams: the plan is drawn one probe at a time and never held whole, at
   * most {@code maxInFlight} probes are being answered, and what became of each is recorded
   * compactly by plan position (see {@link OutcomeLog}). Probe identity is as for a list: the
   * occurrence of a request counts the identical requests earlier in the plan (DESIGN.md §3).
   *
   * @param perspective the perspective id
   * @param plan        the probes, in plan order
   * @param total       how many probes the plan has (for progress); a plan of another size fails
   * @return the outcomes by plan position; close it when scored
   */
  public OutcomeLog execute(String perspective, Stream<Probe> plan, int total) {
    counters.planned.addAndGet(total);
    listener.planned(perspective, total);
    OutcomeLog log = new OutcomeLog(perspective, total);
    // occurrence: how many earlier probes of this plan carry the identical request (DESIGN.md §3),
    // counted by the SHA-256 of the canonical request rather than by the request text itself
    DigestTable seen = new DigestTable();
    MessageDigest sha = Sha256.digest();
    int threads = Math.min(maxInFlight, Math.max(1, total));
    Semaphore slots = new Semaphore(threads);
    AtomicReference<Throwable> error = new AtomicReference<>();
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "dtrust-engine");
              t.setDaemon(true);
              return t;
            });
    boolean ok = false;
    try {
      Iterator<Probe> it = plan.iterator();
      int position = 0;
      while (error.get() == null && it.hasNext()) {
        Probe probe = it.next();
        String canonical = CanonicalJson.ofRequest(probe.request());
        int occurrence = seen.increment(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        int idx = position++;
        slots.acquire();
        pool.execute(
            () -> {
              try {
                log.record(idx, answer(probe, canonical, occurrence));
                listener.progress(perspective, done.incrementAndGet(), total, counters);
              } catch (Throwable t) {
                error.compareAndSet(null, t);
              } finally {
                slots.release();
              }
            });
      }
      slots.acquire(threads); // every submitted probe is answered
      if (error.get() != null) {
        throw new IllegalStateException("engine task failed", error.get());
      }
      if (position != total) {
        throw new IllegalStateException(perspective + ": the plan has " + position + " probes, " + total + " were announced");
      }
      ok = true;
      return log;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while answering probes", e);
    } finally {
      pool.shutdownNow();
      cache.flush();
      if (!ok) {
        log.close();
      }
    }
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
