package dev.dtrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dtrust.cli.FaultyOpenAiServer.Faults;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, reliability: {@code dt run} killed with SIGKILL mid-run and started again with the same
 * cache asks nothing it had already kept, and ends with the report an uninterrupted run writes.
 */
class CrashResumeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TAG = Pattern.compile("ref:([0-9a-f]{16}):\\d+");
  /** Counters that depend on how much the cache already held, and timings. */
  private static final List<String> RUN_VARIABLE =
      List.of("cacheHits", "requests", "httpCalls", "retries", "promptTokens", "completionTokens", "wallMillis");

  @Test
  void aKilledRunResumesFromItsCache(@TempDir Path dir) throws Exception {
    Path data = FaultInjectionTest.stereotypeRoot(dir);
    // 60 ms per answer, 4 at once: the 108 probes take about 1.6 s, long enough to be killed midway
    try (FaultyOpenAiServer server = new FaultyOpenAiServer(new Faults(Map.of(), 0, 0, 60))) {
      // the reference: an uninterrupted run in this JVM with its own cache
      CliRunner ref = CliRunner.run(args(server, data, dir.resolve("out-ref"), dir.resolve("cache-ref")).toArray(String[]::new));
      assertEquals(ExitCode.OK, ref.exit, ref.toString());

      Path cache = dir.resolve("cache");
      Path cacheFile = cache.resolve("responses.jsonl");
      Path out = dir.resolve("out");
      Process first = start(server, data, out, cache, dir.resolve("first.log"));
      // wait until about a quarter of the probes are cached; bounded, so a hung child fails the test
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (lines(cacheFile) < 25 && first.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(first.isAlive(), "the first run was still running when killed: " + Files.readString(dir.resolve("first.log")));
      first.destroyForcibly();
      assertTrue(first.waitFor(30, TimeUnit.SECONDS), "the killed process ended");
      assertTrue(Files.notExists(out.resolve("report.json")), "a killed run leaves no report.json");

      Set<String> keptBodies = bodies(Files.readString(cacheFile, StandardCharsets.UTF_8));
      Map<String, Integer> seenAtKill = server.received();
      assertTrue(keptBodies.size() >= 25 && keptBodies.size() < 108, "killed mid-run: " + keptBodies.size() + " answers kept");

      Process second = start(server, data, out, cache, dir.resolve("second.log"));
      assertTrue(second.waitFor(120, TimeUnit.SECONDS), "the resumed run ended");
      assertEquals(ExitCode.OK, second.exitValue(), Files.readString(dir.resolve("second.log")));

      Map<String, Integer> seenAtEnd = server.received();
      for (String body : keptBodies) {
        assertEquals(seenAtKill.get(body), seenAtEnd.get(body), "a probe answered before the kill was asked again: " + body);
      }
      assertTrue(seenAtEnd.values().stream().mapToInt(Integer::intValue).sum()
          > seenAtKill.values().stream().mapToInt(Integer::intValue).sum(), "the resumed run asked the rest");

      ObjectNode resumed = (ObjectNode) JSON.readTree(out.resolve("report.json").toFile());
      ObjectNode reference = (ObjectNode) JSON.readTree(dir.resolve("out-ref/report.json").toFile());
      assertEquals(108, resumed.path("run").path("answered").asLong());
      assertTrue(resumed.path("run").path("cacheHits").asLong() >= keptBodies.size(), "the kept answers came from the cache");
      assertEquals(withoutTimings(reference), withoutTimings(resumed), "the resumed report equals the uninterrupted one");
    }
  }

  private static List<String> args(FaultyOpenAiServer server, Path data, Path out, Path cache) {
    return new ArrayList<>(List.of("run", "--model", "openai:gpt-fake", "--base-url", server.baseUrl(),
        "--api-key-env", "DT_TEST_API_KEY", "--data", data.toString(), "--perspectives", "stereotype",
        "--out", out.toString(), "--cache", cache.toString(), "--max-in-flight", "4",
        "--retry-attempts", "3", "--retry-base-millis", "0"));
  }

  private static Process start(FaultyOpenAiServer server, Path data, Path out, Path cache, Path log) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Dt.class.getName()));
    cmd.addAll(args(server, data, out, cache));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static long lines(Path file) throws Exception {
    if (Files.notExists(file)) {
      return 0;
    }
    byte[] all = Files.readAllBytes(file);
    long n = 0;
    for (byte b : all) {
      n += b == '\n' ? 1 : 0;
    }
    return n;
  }

  /** The request bodies whose answers the cache holds (complete lines only). */
  private static Set<String> bodies(String cache) {
    Set<String> out = new HashSet<>();
    String complete = cache.substring(0, cache.lastIndexOf('\n') + 1);
    Matcher m = TAG.matcher(complete);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static JsonNode withoutTimings(ObjectNode report) {
    ObjectNode r = report.deepCopy();
    ((ObjectNode) r.path("provenance")).remove(List.of("startedAt", "finishedAt"));
    ((ObjectNode) r.path("run")).remove(RUN_VARIABLE);
    return r;
  }
}
