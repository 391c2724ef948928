package dev.dtrust.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.model.ChatResponse;
import dev.dtrust.core.model.ModelClient;
import dev.dtrust.core.model.ModelException;
import dev.dtrust.core.perspective.Probe;
import dev.dtrust.core.perspective.ProbeOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {

  static List<Probe> probes(int count) {
    List<Probe> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      // every third prompt repeats: occurrence must tell the repetitions apart
      ChatRequest r = new ChatRequest(List.of(ChatMessage.user("q" + (i % 3 == 2 ? i - 1 : i))), 1.0, 10, null, 2, null, null);
      out.add(new Probe("p", "s", "k" + i, r, Map.of()));
    }
    return out;
  }

  static Engine engine(ModelClient c, ResponseCache cache, int inFlight, RunCounters counters) {
    return new Engine(c, cache, inFlight, RetryPolicy.defaults(), Budget.unlimited(), new EvaluationListener() {}, counters, d -> {});
  }

  @Test
  void aSecondRunOverTheSameCacheSendsNoRequest(@TempDir Path dir) throws Exception {
    CountingClient c = new CountingClient();
    List<ProbeOutcome> first;
    try (ResponseCache cache = ResponseCache.open(dir)) {
      first = engine(c, cache, 4, new RunCounters()).execute("p", probes(30));
    }
    assertEquals(30, c.calls.get());
    RunCounters counters = new RunCounters();
    List<ProbeOutcome> second;
    try (ResponseCache cache = ResponseCache.open(dir)) {
      second = engine(c, cache, 4, counters).execute("p", probes(30));
    }
    assertEquals(30, c.calls.get(), "no request on the second run");
    assertEquals(30, counters.cacheHits());
    assertEquals(0, counters.requests());
    for (int i = 0; i < 30; i++) {
      assertEquals(first.get(i).texts(), second.get(i).texts());
    }
  }

  @Test
  void resultsDoNotDependOnConcurrency() {
    List<ProbeOutcome> one = engine(new CountingClient(), ResponseCache.inMemory(), 1, new RunCounters()).execute("p", probes(200));
    List<ProbeOutcome> many = engine(new CountingClient(), ResponseCache.inMemory(), 32, new RunCounters()).execute("p", probes(200));
    for (int i = 0; i < 200; i++) {
      assertEquals(one.get(i).probe(), many.get(i).probe());
      assertEquals(one.get(i).texts(), many.get(i).texts());
    }
  }

  @Test
  void aPlanStreamsThroughHoldingOnlyTheProbesInFlight() {
    int inFlight = 4;
    AtomicInteger drawn = new AtomicInteger();
    AtomicInteger answered = new AtomicInteger();
    AtomicInteger mostAhead = new AtomicInteger();
    CountingClient counting = new CountingClient();
    ModelClient slow = new ModelClient() {
      @Override
      public String modelId() {
        return "slow";
      }

      @Override
      public ChatResponse chat(ChatRequest request) {
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        ChatResponse r = counting.chat(request);
        answered.incrementAndGet();
        return r;
      }
    };
    List<Probe> plan = probes(300);
    RunCounters counters = new RunCounters();
    try (OutcomeLog log = engine(slow, ResponseCache.inMemory(), inFlight, counters).execute("p",
        plan.stream().peek(p -> mostAhead.accumulateAndGet(drawn.incrementAndGet() - answered.get(), Math::max)), 300)) {
      // the next probe is drawn before a slot is free: at most inFlight + 1 are held
      assertTrue(mostAhead.get() <= inFlight + 1, "probes drawn ahead of answers: " + mostAhead.get());
      List<ProbeOutcome> streamed = log.over(plan);
      List<ProbeOutcome> listed = engine(new CountingClient(), ResponseCache.inMemory(), 1, new RunCounters()).execute("p", plan);
      for (int i = 0; i < plan.size(); i++) {
        assertEquals(listed.get(i).texts(), streamed.get(i).texts());
      }
    }
    assertEquals(300, counters.planned());
    assertEquals(300, counters.answered());
  }

  @Test
  void aPlanOfAnotherSizeThanAnnouncedFails() {
    assertThrows(IllegalStateException.class,
        () -> engine(new CountingClient(), ResponseCache.inMemory(), 2, new RunCounters()).execute("p", probes(5).stream(), 6));
  }

  @Test
  void aTornLastLineIsSkipped(@TempDir Path dir) throws Exception {
    CountingClient c = new CountingClient();
    try (ResponseCache cache = ResponseCache.open(dir)) {
      engine(c, cache, 2, new RunCounters()).execute("p", probes(5));
    }
    Path file = dir.resolve("responses.jsonl");
    Files.write(file, "{\"key\":\"abc\",\"choi".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
    try (ResponseCache cache = ResponseCache.open(dir)) {
      assertEquals(5, cache.size());
      RunCounters counters = new RunCounters();
      engine(c, cache, 2, counters).execute("p", probes(6));
      assertEquals(5, counters.cacheHits());
    }
    String text = Files.readString(file);
    assertTrue(text.endsWith("\n"));
    assertFalse(text.contains("\"choi\n"));
  }

  @Test
  void identicalRequestsAreSeparateAnswersByOccurrence() {
    assertNotEquals(ProbeKey.of("m", probes(1).get(0).request(), 0, 0), ProbeKey.of("m", probes(1).get(0).request(), 0, 1));
    CountingClient c = new CountingClient();
    engine(c, ResponseCache.inMemory(), 1, new RunCounters()).execute("p", probes(3));
    assertEquals(3, c.calls.get());
  }

  @Test
  void retryableFailuresAreRetriedAndPermanentOnesAreNot() {
    AtomicInteger calls = new AtomicInteger();
    List<Duration> waits = new ArrayList<>();
    ModelClient flaky = new ModelClient() {
      @Override public String modelId() { return "flaky"; }
      @Override public ChatResponse chat(ChatRequest r) {
        int n = calls.incrementAndGet();
        if (r.messages().get(0).content().equals("q0")) {
          throw ModelException.permanent("HTTP 401: bad key");
        }
        if (n % 2 == 0) {
          throw ModelException.retryable("HTTP 429", Duration.ofSeconds(7));
        }
        return ChatResponse.ofTexts(List.of("a", "b"));
      }
    };
    RunCounters counters = new RunCounters();
    Engine e = new Engine(flaky, ResponseCache.inMemory(), 1, RetryPolicy.defaults(), Budget.unlimited(),
        new EvaluationListener() {}, counters, waits::add);
    List<ProbeOutcome> out = e.execute("p", probes(4));
    assertFalse(out.get(0).answered());
    assertTrue(out.get(0).failure().contains("401"));
    for (int i = 1; i < 4; i++) {
      assertTrue(out.get(i).answered());
    }
    assertEquals(1, counters.failed());
    assertTrue(counters.retries() >= 1);
    // Retry-After is the minimum wait
    waits.forEach(w -> assertTrue(w.compareTo(Duration.ofSeconds(7)) >= 0, w.toString()));
  }

  @Test
  void aSpentBudgetStopsCleanly() {
    CountingClient c = new CountingClient();
    RunCounters counters = new RunCounters();
    Engine e = new Engine(c, ResponseCache.inMemory(), 1, RetryPolicy.defaults(), Budget.of(3, 0),
        new EvaluationListener() {}, counters, d -> {});
    List<ProbeOutcome> out = e.execute("p", probes(6));
    assertEquals(3, out.stream().filter(ProbeOutcome::answered).count());
    assertEquals("budget exhausted", out.get(5).failure());
    assertEquals(3, counters.failed());
  }

  @Test
  void nIsEmulatedWithSeparateCallsWhenTheClientCannotSample() {
    AtomicInteger calls = new AtomicInteger();
    ModelClient single = new ModelClient() {
      @Override public String modelId() { return "single"; }
      @Override public boolean supportsMultipleChoices() { return false; }
      @Override public ChatResponse chat(ChatRequest r) {
        assertEquals(1, r.samples());
        return ChatResponse.ofTexts(List.of("s" + calls.incrementAndGet()));
      }
    };
    List<ProbeOutcome> out = engine(single, ResponseCache.inMemory(), 1, new RunCounters()).execute("p", probes(2));
    assertEquals(List.of("s1", "s2"), out.get(0).texts());
    assertEquals(4, calls.get());
  }
}
