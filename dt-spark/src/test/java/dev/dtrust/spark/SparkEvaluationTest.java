package dev.dtrust.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.core.TrustEvaluator;
import dev.dtrust.core.report.TrustReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stereotype leaderboard selection on a {@code local[2]} Spark session against an
 * OpenAI-compatible fake: the same report as a single process, task retries that re-use the cache,
 * and no API key anywhere it could leak.
 */
class SparkEvaluationTest {
  private static final String KEY_VAR = "DT_SPARK_TEST_API_KEY";

  @TempDir static Path shared;
  private static SparkSession spark;
  private static Path eventLogs;

  @BeforeAll
  static void startSpark() throws IOException {
    eventLogs = Files.createDirectories(shared.resolve("event-logs"));
    spark = SparkSession.builder()
        .appName("dtrust-test")
        // 2 threads; a failed task is retried up to 3 times (local mode retries none by default)
        .master("local[2,4]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.eventLog.enabled", "true")
        .config("spark.eventLog.dir", eventLogs.toUri().toString())
        .getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
    }
  }

  static Path stereotypeRoot(Path dir) throws IOException {
    Path templates = Files.createDirectories(dir.resolve("templates"));
    try (InputStream in = SparkEvaluationTest.class.getResourceAsStream("/dev/dtrust/starter/root/templates/stereotype.json")) {
      assertNotNull(in, "the starter pack's stereotype template is on the test class path");
      Files.copy(in, templates.resolve("stereotype.json"));
    }
    return dir;
  }

  static ModelClientFactory factory(FakeChatServer server, Map<String, String> extra) {
    Map<String, String> options = new java.util.TreeMap<>(extra);
    options.put("baseUrl", server.baseUrl());
    options.put("apiKeyEnv", KEY_VAR);
    return ModelClientFactory.of("fakehttp:gpt-fake", options);
  }

  static TrustReport local(ModelClientFactory f, Path root) {
    return TrustEvaluator.builder().model(f.create()).dataRoot(root).perspectives("stereotype").build().evaluate();
  }

  static TrustReport onSpark(ModelClientFactory f, Path root, Path cache, int maxInFlightPerTask) {
    return onSpark(SparkProbeExecutor.builder(spark, f).cacheDir(cache).shards(4).maxInFlightPerTask(maxInFlightPerTask)
        .build(), f, root);
  }

  static TrustReport onSpark(SparkProbeExecutor executor, ModelClientFactory f, Path root) {
    return TrustEvaluator.builder().model(f.create()).dataRoot(root).perspectives("stereotype")
        .probeExecutor(executor).build().evaluate();
  }

  /** report.json without what differs between any two runs: timings and timestamps. */
  static String comparable(TrustReport r) {
    return r.toJson()
        .replaceAll("\"wallMillis\": *\\d+", "\"wallMillis\": 0")
        .replaceAll("\"(startedAt|finishedAt)\": *\"[^\"]*\"", "\"$1\": \"\"");
  }

  @Test
  void theReportEqualsTheSingleProcessReport(@TempDir Path dir) throws Exception {
    Path root = stereotypeRoot(dir.resolve("root"));
    try (FakeChatServer server = new FakeChatServer(0)) {
      ModelClientFactory f = factory(server, Map.of());
      TrustReport single = local(f, root);
      int singleRequests = server.requests.get();
      TrustReport distributed = onSpark(f, root, dir.resolve("cache"), 4);

      assertTrue(single.run().planned() > 100, "a real plan: " + single.run().planned() + " probes");
      assertTrue(single.complete());
      assertEquals(comparable(single), comparable(distributed));
      assertEquals(2 * singleRequests, server.requests.get(), "the Spark run asked every probe once more");
    }
  }

  @Test
  void sparkTrustEvaluatorWritesTheSingleProcessReport(@TempDir Path dir) throws Exception {
    Path root = stereotypeRoot(dir.resolve("root"));
    try (FakeChatServer server = new FakeChatServer(0)) {
      ModelClientFactory f = factory(server, Map.of());
      TrustReport single = local(f, root);
      TrustReport distributed = SparkTrustEvaluator.builder(spark, f).dataRoot(root).perspectives("stereotype")
          .cacheDir(dir.resolve("cache")).shards(3).maxInFlight(4).build().evaluate();
      assertEquals(comparable(single), comparable(distributed));
      assertEquals(single.run().planned(), distributed.run().answered());
    }
  }

  @Test
  void aFailedTaskAttemptIsRetriedAndNoProbeIsAskedTwice(@TempDir Path dir) throws Exception {
    Path root = stereotypeRoot(dir.resolve("root"));
    try (FakeChatServer server = new FakeChatServer(0)) {
      int crashesBefore = FakeHttpModelProvider.CRASHES.get();
      int attemptsBefore = FakeHttpModelProvider.CRASHED_ATTEMPTS.size();
      // one call at a time per task, so the crash comes after answers that are already cached
      TrustReport r = onSpark(factory(server, Map.of("crashFirstAttemptAfter", "7")), root, dir.resolve("cache"), 1);

      int crashedAttempts = FakeHttpModelProvider.CRASHED_ATTEMPTS.size() - attemptsBefore;
      assertEquals(4, crashedAttempts, "the first attempt of each of the 4 shards crashed");
      assertTrue(FakeHttpModelProvider.CRASHES.get() - crashesBefore >= crashedAttempts);
      assertTrue(r.complete());
      assertEquals(r.run().planned(), r.run().answered());
      assertEquals(r.run().planned(), server.requests.get(), "each probe reached the server exactly once");
      // each failed attempt sent 7 calls whose results never reached the driver: they are counted all the same
      assertEquals(server.requests.get(), r.run().httpCalls(), "run.httpCalls counts the failed attempts' calls too");
      assertEquals(crashedAttempts * 7L, r.run().cacheHits(), "the retries took the failed attempts' 7 answers each from the cache");
      // and each failed attempt handed its client at least one more request, which crashed before it was sent
      // (how many more its engine started before it stopped depends on thread timing)
      assertTrue(r.run().requests() >= server.requests.get() + crashedAttempts,
          "run.requests counts the failed attempts' requests: " + r.run().requests() + " < " + server.requests.get() + " + " + crashedAttempts);
      server.bodies.forEach((body, count) -> assertEquals(1, count.get(), "asked twice: " + body));
      assertTrue(Files.isDirectory(dir.resolve("cache").resolve("parts")));

      try (FakeChatServer silent = new FakeChatServer(0)) {
        TrustReport again = TrustEvaluator.builder().model(factory(silent, Map.of()).create()).dataRoot(root)
            .perspectives("stereotype").cacheDir(dir.resolve("cache")).build().evaluate();
        assertEquals(0, silent.requests.get(), "a single-process run reads the union of the executors' parts");
        assertEquals(r.score(), again.score());
      }
    }
  }

  @Test
  void eachTaskGetsItsShareOfTheClusterRateLimit(@TempDir Path dir) throws Exception {
    Path root = stereotypeRoot(dir.resolve("root"));
    try (FakeChatServer server = new FakeChatServer(0)) {
      ModelClientFactory f = factory(server, Map.of());
      FakeHttpModelProvider.RATE_SHARES.clear();
      // local[2,4]: two task slots, so the four shards run two at a time and each gets half
      SparkProbeExecutor executor = SparkProbeExecutor.builder(spark, f).shards(4).maxInFlightPerTask(2)
          .requestsPerMinute(60_000).tokensPerMinute(9_000_001).build();
      TrustReport r = onSpark(executor, f, root);

      var plan = TrustEvaluator.builder().model(f.create()).dataRoot(root).perspectives("stereotype").build()
          .plan().get("stereotype").probes();
      int tasks = SparkProbeExecutor.shard("stereotype", plan, 4).size();
      assertEquals(4, tasks);
      assertEquals(java.util.Collections.nCopies(tasks, "30000/4500000"), List.copyOf(FakeHttpModelProvider.RATE_SHARES));
      assertTrue(r.complete());
      assertEquals(new RateShare(30_000, 4_500_000), executor.rateShare(4));
      assertEquals(new RateShare(60_000, 9_000_001), executor.rateShare(1), "a one-shard job runs alone and gets all");
    }
  }

  @Test
  void aJobWhoseTasksKeepFailingIsOneExceptionNamingThePerspective(@TempDir Path dir) throws Exception {
    Path root = stereotypeRoot(dir.resolve("root"));
    Path notAFolder = Files.writeString(dir.resolve("cache-is-a-file"), "");
    ModelClientFactory f = ModelClientFactory.of("sim", Map.of());
    SparkProbeExecutor executor = SparkProbeExecutor.builder(spark, f).cacheDir(notAFolder).shards(2).build();
    SparkJobFailedException e = org.junit.jupiter.api.Assertions.assertThrows(SparkJobFailedException.class,
        () -> onSpark(executor, f, root));
    assertTrue(e.getMessage().startsWith("the Spark job of stereotype failed: "), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
  }

  @Test
  void aRateLimitTooSmallToShareIsRefusedWhenTheExecutorIsBuilt() {
    ModelClientFactory f = ModelClientFactory.of("sim", Map.of());
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> SparkProbeExecutor.builder(spark, f).shards(4).requestsPerMinute(1).build());
    assertEquals("a limit of 1 requests per minute cannot be shared by 2 tasks running at once (each needs at least 1);"
        + " use fewer shards or a higher limit", e.getMessage());
  }

  @Test
  void theApiKeyIsInNoPlanClosureEventLogOrOutput(@TempDir Path dir) throws Exception {
    String key = System.getenv(KEY_VAR);
    assertNotNull(key, "surefire sets " + KEY_VAR);
    Path root = stereotypeRoot(dir.resolve("root"));
    Path cache = dir.resolve("cache");
    try (FakeChatServer server = new FakeChatServer(0)) {
      ModelClientFactory f = factory(server, Map.of());
      TrustReport r = onSpark(f, root, cache, 4);
      r.write(dir.resolve("out"));
      assertEquals(Map.of("Bearer " + key, server.requests.get()),
          Map.of(server.authorizations.keySet().iterator().next(), server.authorizations.values().iterator().next().get()),
          "every call carried the key read on the executor");

      var plan = TrustEvaluator.builder().model(f.create()).dataRoot(root).perspectives("stereotype").build()
          .plan().get("stereotype").probes();
      List<byte[]> serialized = new ArrayList<>();
      serialized.add(serialize(f));
      serialized.add(serialize(new ShardTask(f, cache.toString(), 4, RateShare.UNLIMITED,
          dev.dtrust.core.engine.RetryPolicy.defaults(), "runtest")));
      serialized.add(serialize(new ArrayList<>(SparkProbeExecutor.shard("stereotype", plan, 4))));
      for (byte[] bytes : serialized) {
        assertFalse(contains(bytes, key), "the key was serialized");
      }
    }
    spark.sparkContext().listenerBus().waitUntilEmpty();
    List<Path> files = new ArrayList<>();
    for (Path d : List.of(eventLogs, dir)) {
      try (Stream<Path> s = Files.walk(d)) {
        s.filter(Files::isRegularFile).forEach(files::add);
      }
    }
    assertTrue(files.stream().anyMatch(p -> p.startsWith(eventLogs)), "an event log was written");
    assertTrue(files.stream().anyMatch(p -> p.toString().endsWith("report.json")));
    for (Path p : files) {
      assertFalse(contains(Files.readAllBytes(p), key), "the key is in " + p);
    }
  }

  private static byte[] serialize(Object o) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    return bytes.toByteArray();
  }

  private static boolean contains(byte[] haystack, String needle) {
    return new String(haystack, StandardCharsets.ISO_8859_1).contains(new String(needle.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
  }
}
