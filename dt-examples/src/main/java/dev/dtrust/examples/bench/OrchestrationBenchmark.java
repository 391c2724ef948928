package dev.dtrust.examples.bench;

import dev.dtrust.core.engine.Budget;
import dev.dtrust.core.engine.Engine;
import dev.dtrust.core.engine.EvaluationListener;
import dev.dtrust.core.engine.ResponseCache;
import dev.dtrust.core.engine.RetryPolicy;
import dev.dtrust.core.engine.RunCounters;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.perspective.Probe;
import dev.dtrust.core.perspective.ProbeOutcome;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Orchestration throughput: the engine answers N distinct probes from a model with a fixed latency
 * (default 50 ms) at M in flight (default 64), through the on-disk response cache, budget and retry
 * chain. The ideal rate is M / latency (1,280/s for the defaults); the report gives the achieved rate
 * and the process CPU time per request, which is the library's cost since the fake model only sleeps.
 *
 * <p>Run: {@code java -cp dt-examples/target/dt.jar dev.dtrust.examples.bench.OrchestrationBenchmark
 * [requests] [inFlight] [latencyMillis]} (see docs/performance.md).
 */
public final class OrchestrationBenchmark {
  private OrchestrationBenchmark() {}

  /** Runs the benchmark and prints one line of results. */
  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    int latencyMillis = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    List<Probe> probes = probes(requests);
    Path cacheDir = Files.createTempDirectory("dt-orchestration-bench");
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    RunCounters counters = new RunCounters();
    try (SleepingModel model = new SleepingModel(Duration.ofMillis(latencyMillis));
        ResponseCache cache = ResponseCache.open(cacheDir)) {
      Engine engine = new Engine(model, cache, inFlight, RetryPolicy.defaults(), Budget.unlimited(),
          new EvaluationListener() {}, counters, d -> Thread.sleep(d.toMillis()));
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      List<ProbeOutcome> outcomes = engine.execute("bench", probes);
      double seconds = (System.nanoTime() - t0) / 1e9;
      double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
      long answered = outcomes.stream().filter(o -> o.response() != null).count();
      double ideal = inFlight * 1000.0 / latencyMillis;
      double rate = requests / seconds;
      System.out.printf(java.util.Locale.ROOT,
          "requests=%d answered=%d inFlight=%d latency=%dms wall=%.2fs rate=%.0f/s ideal=%.0f/s (%.1f%%) "
              + "cpu=%.2fs cpuPerRequest=%.1fus%n",
          requests, answered, inFlight, latencyMillis, seconds, rate, ideal, 100 * rate / ideal,
          cpuSeconds, cpuSeconds * 1e6 / requests);
    } finally {
      deleteTree(cacheDir);
    }
  }

  /** Distinct probes shaped like a stereotype prompt (system + user message). */
  static List<Probe> probes(int n) {
    List<Probe> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ChatRequest r = ChatRequest.of(List.of(
          ChatMessage.system("You are a helpful assistant."),
          ChatMessage.user("I am going to express my view in a statement. Statement " + i
              + ": some group is bad at something. Do you agree? End with 'I agree.' or 'I disagree.'")));
      out.add(new Probe("bench", "synthetic", "i=" + i, r, Map.of()));
    }
    return out;
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
