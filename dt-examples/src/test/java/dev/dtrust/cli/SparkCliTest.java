package dev.dtrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.cli.FaultyOpenAiServer.Fault;
import dev.dtrust.cli.FaultyOpenAiServer.Faults;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dt run --spark-master local[2]} answers the probes on Spark (dt-spark) and writes the
 * report a single-process {@code dt run} writes; without Spark on the class path it is one usage
 * line, exit 2.
 */
class SparkCliTest {
  private static final Pattern TIMING = Pattern.compile("\"(startedAt|finishedAt|wallMillis)\": [^,\\n]*");
  private static final String KEY_ENV = "DT_TEST_API_KEY";

  @Test
  void aSparkRunWritesTheSameReportAsASingleProcessRun(@TempDir Path dir) throws Exception {
    Path data = FaultInjectionTest.stereotypeRoot(dir);
    // faults that depend only on the request body and its attempt: both runs retry the same calls
    Faults faults = new Faults(Map.of(Fault.RATE_LIMIT, 0.15, Fault.SERVER_ERROR, 0.1, Fault.MALFORMED, 0.05), 1, 0, 0);
    try (FaultyOpenAiServer server = new FaultyOpenAiServer(faults)) {
      List<String> common = List.of("run", "--model", "openai:gpt-fake", "--base-url", server.baseUrl(),
          "--api-key-env", KEY_ENV, "--data", data.toString(), "--perspectives", "stereotype",
          "--retry-attempts", "3", "--retry-base-millis", "0", "--rpm", "100000", "--tpm", "100000000");

      Path single = dir.resolve("single");
      CliRunner local = CliRunner.run(args(common, "--out", single.toString(), "--max-in-flight", "4"));
      assertEquals(ExitCode.OK, local.exit, local.toString());
      long localCalls = server.requests();

      server.forgetAttempts();
      Path distributed = dir.resolve("spark");
      Path cache = dir.resolve("cache");
      CliRunner spark = CliRunner.run(args(common, "--out", distributed.toString(), "--cache", cache.toString(),
          "--spark-master", "local[2]", "--spark-shards", "4", "--spark-in-flight-per-task", "3",
          "--spark-conf", "spark.ui.enabled=false", "--spark-conf", "spark.driver.host=127.0.0.1",
          "--spark-conf", "spark.driver.bindAddress=127.0.0.1"));
      assertEquals(ExitCode.OK, spark.exit, spark.toString());
      long sparkCalls = server.requests() - localCalls;

      String expected = TIMING.matcher(Files.readString(single.resolve("report.json"))).replaceAll("\"$1\": _");
      String actual = TIMING.matcher(Files.readString(distributed.resolve("report.json"))).replaceAll("\"$1\": _");
      assertTrue(server.injected(Fault.RATE_LIMIT) > 0 && !expected.contains("\"retries\": 0,"), "faults were retried");
      assertEquals(expected, actual, "report.json of the Spark run");
      assertEquals(localCalls, sparkCalls);
      assertTrue(actual.contains("\"httpCalls\": " + sparkCalls + ","), "run.httpCalls are the executors' calls: " + actual);

      List<Path> parts;
      try (Stream<Path> s = Files.list(cache.resolve("parts"))) {
        parts = s.sorted().toList();
      }
      assertEquals(4, parts.size(), "one cache part per shard: " + parts);
      for (Path part : parts) {
        assertTrue(Files.isRegularFile(part.resolve("responses.jsonl")) && Files.isRegularFile(part.resolve("counters.json")), part.toString());
      }

      // the same cache answers a single-process run without a call
      long before = server.requests();
      CliRunner again = CliRunner.run(args(common, "--out", dir.resolve("again").toString(), "--cache", cache.toString()));
      assertEquals(ExitCode.OK, again.exit, again.toString());
      assertEquals(before, server.requests(), "a single-process run reads the executors' cache parts");

      String key = System.getenv(KEY_ENV);
      assertFalse((local.out + local.err + spark.out + spark.err).contains(key), "the key in the console output");
      for (Path root : List.of(distributed, cache)) {
        try (Stream<Path> files = Files.walk(root)) {
          for (Path f : files.filter(Files::isRegularFile).toList()) {
            assertFalse(Files.readString(f).contains(key), "the key in " + f);
          }
        }
      }
    }
  }

  @Test
  void aSparkJobThatFailsForGoodIsExit3WithOneLine(@TempDir Path dir) throws Exception {
    Path data = FaultInjectionTest.stereotypeRoot(dir);
    // every task fails: the cache "folder" is a file
    Path notAFolder = Files.writeString(dir.resolve("cache-is-a-file"), "");
    CliRunner r = CliRunner.run("run", "--model", "sim", "--data", data.toString(), "--perspectives", "stereotype",
        "--out", dir.resolve("out").toString(), "--cache", notAFolder.toString(), "--spark-master", "local[2]",
        "--spark-conf", "spark.ui.enabled=false", "--spark-conf", "spark.driver.host=127.0.0.1",
        "--spark-conf", "spark.driver.bindAddress=127.0.0.1");
    assertEquals(ExitCode.INCOMPLETE, r.exit, r.toString());
    List<String> lines = r.err.lines().toList();
    assertEquals(1, lines.size(), r.err);
    assertTrue(lines.get(0).startsWith("dt: the Spark job of stereotype failed: "), r.err);
    assertTrue(lines.get(0).endsWith("(answers so far are in " + notAFolder + "; run again to ask only the rest)"), r.err);
  }

  @Test
  void whatExecutorsCannotDoIsAUsageErrorBeforeSparkStarts(@TempDir Path dir) throws Exception {
    Path data = FaultInjectionTest.stereotypeRoot(dir);
    CliRunner replay = CliRunner.run("run", "--model", "replay:" + dir, "--data", data.toString(), "--perspectives",
        "stereotype", "--out", dir.resolve("out").toString(), "--spark-master", "local[2]");
    assertEquals(ExitCode.BAD_INPUT, replay.exit, replay.toString());
    assertEquals("dt: --spark-master: Spark executors cannot build the model 'replay:" + dir
        + "'; with Spark use openai:<model> (any OpenAI-compatible server) or sim", replay.err.strip());

    CliRunner budget = CliRunner.run("run", "--model", "sim", "--data", data.toString(), "--perspectives", "stereotype",
        "--out", dir.resolve("out").toString(), "--spark-master", "local[2]", "--max-requests", "10");
    assertEquals(ExitCode.BAD_INPUT, budget.exit, budget.toString());
    assertTrue(budget.err.startsWith("dt: --max-requests/--max-tokens: not supported with --spark-master"), budget.err);

    CliRunner shards = CliRunner.run("run", "--model", "sim", "--data", data.toString(), "--out", dir.resolve("out").toString(),
        "--spark-master", "local[2]", "--spark-shards", "0");
    assertEquals(ExitCode.BAD_INPUT, shards.exit, shards.toString());
    assertEquals("dt: --spark-shards: expected 1 or more, found 0", shards.err.strip());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void theSparkCheckLooksForSparkSqlInTheGivenLoader() {
    assertTrue(SparkClassPath.present(SparkCliTest.class.getClassLoader()), "Spark is on the test class path");
    assertFalse(SparkClassPath.present(ClassLoader.getPlatformClassLoader()));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SparkClassPath.require(ClassLoader.getPlatformClassLoader()));
    assertEquals(SparkClassPath.MISSING, e.getMessage());
  }

  /** The dt jar without Spark, as {@code java -jar dt.jar} runs it: the test class path minus Spark's jars. */
  @Test
  void withoutSparkOnTheClassPathSparkMasterIsOneLineAndExit2(@TempDir Path dir) throws Exception {
    Path data = FaultInjectionTest.stereotypeRoot(dir);
    try (URLClassLoader noSpark = classPathWithoutSpark()) {
      assertFalse(SparkClassPath.present(noSpark));
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = dt(noSpark, out, err, "run", "--model", "sim", "--data", data.toString(), "--perspectives", "stereotype",
          "--out", dir.resolve("out").toString(), "--spark-master", "local[2]");
      assertEquals(ExitCode.BAD_INPUT, code, err.toString());
      assertEquals(List.of("dt: " + SparkClassPath.MISSING), err.toString().lines().toList(), "one line, no stack trace");
      assertEquals("", out.toString());

      // the same class path runs without --spark-master: nothing else needs Spark
      StringWriter out2 = new StringWriter();
      StringWriter err2 = new StringWriter();
      int ok = dt(noSpark, out2, err2, "run", "--model", "sim", "--data", data.toString(), "--perspectives", "stereotype",
          "--out", dir.resolve("out").toString());
      assertEquals(ExitCode.OK, ok, err2.toString());
      assertTrue(Files.isRegularFile(dir.resolve("out/report.json")));
    }
  }

  private static int dt(ClassLoader loader, StringWriter out, StringWriter err, String... args) throws Exception {
    Method execute = loader.loadClass(Dt.class.getName()).getMethod("execute", PrintWriter.class, PrintWriter.class, String[].class);
    Thread t = Thread.currentThread();
    ClassLoader before = t.getContextClassLoader();
    // perspectives and providers are found with ServiceLoader, which may use the context loader
    t.setContextClassLoader(loader);
    try {
      return (int) execute.invoke(null, new PrintWriter(out, true), new PrintWriter(err, true), args);
    } finally {
      t.setContextClassLoader(before);
    }
  }

  private static URLClassLoader classPathWithoutSpark() throws Exception {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<URL> urls = new ArrayList<>();
    for (String entry : cp.split(File.pathSeparator)) {
      if (!entry.isEmpty() && !entry.replace('\\', '/').contains("/org/apache/spark/")) {
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    assertTrue(urls.size() > 5, "the test class path: " + cp);
    return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }

  private static String[] args(List<String> common, String... more) {
    List<String> all = new ArrayList<>(common);
    all.addAll(Arrays.asList(more));
    return all.toArray(String[]::new);
  }
}
