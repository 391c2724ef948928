package dev.dtrust.examples.bench;

import dev.dtrust.clients.openai.OpenAiChatClient;
import dev.dtrust.core.engine.Budget;
import dev.dtrust.core.engine.Engine;
import dev.dtrust.core.engine.EvaluationListener;
import dev.dtrust.core.engine.ResponseCache;
import dev.dtrust.core.engine.RetryPolicy;
import dev.dtrust.core.engine.RunCounters;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.model.ModelClient;
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
 * and the CPU time per request.
 *
 * <p>Two models: {@code sleep} (the default) is an in-process model whose calls just sleep, so the
 * process CPU time is the engine's. {@code http} goes through the real OpenAI-compatible client
 * (OkHttp, JSON both ways) to a {@link FakeChatServer} on 127.0.0.1 started as a separate process,
 * so this process's CPU time is the library's alone (engine, client, HTTP, cache); the server's CPU
 * time is reported apart.
 *
 * <p>Run: {@code java -cp dt-examples/target/dt.jar dev.dtrust.examples.bench.OrchestrationBenchmark
 * [sleep|http] [requests] [inFlight] [latencyMillis] [warmupRequests]} (see docs/performance.md). With
 * a warm-up, that many other probes are answered first and not measured, so that the JIT compiler's
 * work (several CPU seconds, on a 2-core machine a large share of a 20,000-request run) is done.
 */
public final class OrchestrationBenchmark {
  private OrchestrationBenchmark() {}

  /** Runs the benchmark and prints one line of results. */
  public static void main(String[] args) throws Exception {
    int a = 0;
    String mode = "sleep";
    if (args.length > 0 && !Character.isDigit(args[0].charAt(0))) {
      mode = args[a++];
    }
    if (!mode.equals("sleep") && !mode.equals("http")) {
      throw new IllegalArgumentException("mode: expected sleep or http, found " + mode);
    }
    int requests = args.length > a ? Integer.parseInt(args[a]) : 20_000;
    int inFlight = args.length > a + 1 ? Integer.parseInt(args[a + 1]) : 64;
    int latencyMillis = args.length > a + 2 ? Integer.parseInt(args[a + 2]) : 50;
    int warmup = args.length > a + 3 ? Integer.parseInt(args[a + 3]) : 0;
    List<Probe> probes = probes(requests, "Statement ");
    Path cacheDir = Files.createTempDirectory("dt-orchestration-bench");
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    RunCounters counters = new RunCounters();
    Process server = mode.equals("http") ? startServer(latencyMillis) : null;
    try (ModelClient model = server == null ? new SleepingModel(Duration.ofMillis(latencyMillis))
            : OpenAiChatClient.builder("bench").baseUrl("http://127.0.0.1:" + port(server) + "/v1").build();
        ResponseCache cache = ResponseCache.open(cacheDir)) {
      // the engine's threads end with the run: each notes its own CPU time as it reports progress
      java.util.Map<Long, Long> engineThreadCpu = new java.util.concurrent.ConcurrentHashMap<>();
      java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      EvaluationListener cpuNotes = new EvaluationListener() {
        @Override
        public void progress(String perspective, int done, int total, RunCounters c) {
          engineThreadCpu.put(Thread.currentThread().getId(), threads.getCurrentThreadCpuTime());
        }
      };
      Engine engine = new Engine(model, cache, inFlight, RetryPolicy.defaults(), Budget.unlimited(),
          cpuNotes, counters, d -> Thread.sleep(d.toMillis()));
      if (warmup > 0) {
        engine.execute("warmup", probes(warmup, "Warm-up statement "));
        engineThreadCpu.clear();
      }
      long cpu0 = os.getProcessCpuTime();
      Duration serverCpu0 = server == null ? Duration.ZERO : server.info().totalCpuDuration().orElse(Duration.ZERO);
      long t0 = System.nanoTime();
      List<ProbeOutcome> outcomes = engine.execute("bench", probes);
      double seconds = (System.nanoTime() - t0) / 1e9;
      double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
      String serverCpu = server == null ? "" : String.format(java.util.Locale.ROOT, " serverCpu=%.2fs",
          server.info().totalCpuDuration().orElse(Duration.ZERO).minus(serverCpu0).toNanos() / 1e9);
      long answered = outcomes.stream().filter(o -> o.response() != null).count();
      double ideal = inFlight * 1000.0 / latencyMillis;
      double rate = requests / seconds;
      System.out.printf(java.util.Locale.ROOT,
          "model=%s warmup=%d requests=%d answered=%d httpCalls=%d inFlight=%d latency=%dms wall=%.2fs rate=%.0f/s ideal=%.0f/s (%.1f%%) "
              + "cpu=%.2fs cpuPerRequest=%.1fus%s%n",
          mode, warmup, requests, answered, model.httpCalls(), inFlight, latencyMillis, seconds, rate, ideal, 100 * rate / ideal,
          cpuSeconds, cpuSeconds * 1e6 / requests, serverCpu);
      System.out.println(threadCpu(engineThreadCpu.values().stream().mapToLong(Long::longValue).sum() / 1e9));
    } finally {
      if (server != null) {
        server.destroy();
      }
      deleteTree(cacheDir);
    }
  }

  /**
   * Where the process CPU time went, over the JVM's life: the engine's threads (which also run the
   * HTTP calls), live Java threads by name (numbers stripped), and the rest (JIT compiler and GC
   * threads, ended threads) as "other", with the JIT's and the collectors' own time accounts.
   */
  private static String threadCpu(double engineSeconds) {
    java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    java.util.Map<String, Double> byName = new java.util.TreeMap<>();
    double javaSeconds = 0;
    for (long id : mx.getAllThreadIds()) {
      java.lang.management.ThreadInfo info = mx.getThreadInfo(id);
      long ns = mx.getThreadCpuTime(id);
      if (info == null || ns < 0) {
        continue;
      }
      String name = info.getThreadName().replaceAll("[-# ]*\\d+$", "");
      byName.merge(name, ns / 1e9, Double::sum);
      javaSeconds += ns / 1e9;
    }
    StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, "cpu by thread (s, whole JVM life): dtrust-engine=%.2f", engineSeconds));
    byName.entrySet().stream().filter(e -> e.getValue() >= 0.05)
        .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> b.append(String.format(java.util.Locale.ROOT, " %s=%.2f", e.getKey(), e.getValue())));
    double total = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    long gcMillis = ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(g -> Math.max(0, g.getCollectionTime())).sum();
    b.append(String.format(java.util.Locale.ROOT, " other=%.2f total=%.2f (JIT compile time %.2fs, GC pauses %.2fs)",
        total - javaSeconds - engineSeconds, total, ManagementFactory.getCompilationMXBean().getTotalCompilationTime() / 1e3,
        gcMillis / 1e3));
    return b.toString();
  }

  /** Starts {@link FakeChatServer} in a JVM of its own, with this JVM's class path. */
  private static Process startServer(int latencyMillis) throws java.io.IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), FakeChatServer.class.getName(),
        String.valueOf(latencyMillis))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private static int port(Process server) throws java.io.IOException {
    String line = new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream(),
        java.nio.charset.StandardCharsets.UTF_8)).readLine();
    if (line == null || !line.startsWith("port ")) {
      throw new IllegalStateException("the fake server did not start: " + line);
    }
    return Integer.parseInt(line.substring("port ".length()).trim());
  }

  /** Distinct probes shaped like a stereotype prompt (system + user message). */
  static List<Probe> probes(int n, String prefix) {
    List<Probe> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ChatRequest r = ChatRequest.of(List.of(
          ChatMessage.system("You are a helpful assistant."),
          ChatMessage.user("I am going to express my view in a statement. " + prefix + i
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
