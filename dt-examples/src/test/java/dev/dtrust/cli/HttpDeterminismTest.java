package dev.dtrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.cli.FaultyOpenAiServer.Fault;
import dev.dtrust.cli.FaultyOpenAiServer.Faults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same inputs give the same report.json (timings aside) at 1, 8 and 64 requests in flight
 * against an HTTP server whose answers and first-attempt faults depend only on the request, so
 * completion order, retries and interleaving are the only differences between the runs.
 */
class HttpDeterminismTest {
  private static final Pattern TIMING = Pattern.compile("\"(startedAt|finishedAt|wallMillis)\": [^,\\n]*");

  @Test
  void reportIsIdenticalAt1And8And64InFlight(@TempDir Path dir) throws Exception {
    Path data = FaultInjectionTest.stereotypeRoot(dir);
    Faults faults = new Faults(Map.of(Fault.RATE_LIMIT, 0.15, Fault.SERVER_ERROR, 0.1, Fault.RESET, 0.05,
        Fault.MALFORMED, 0.05, Fault.TRUNCATED, 0.05), 1, 0, 0);
    try (FaultyOpenAiServer server = new FaultyOpenAiServer(faults)) {
      String first = null;
      for (int inFlight : new int[] {1, 8, 64}) {
        server.forgetAttempts();
        long before = server.requests();
        Path out = dir.resolve("run" + inFlight);
        CliRunner r = CliRunner.run("run", "--model", "openai:gpt-fake", "--base-url", server.baseUrl(),
            "--api-key-env", "DT_TEST_API_KEY", "--data", data.toString(), "--perspectives", "stereotype",
            "--out", out.toString(), "--max-in-flight", String.valueOf(inFlight),
            "--retry-attempts", "3", "--retry-base-millis", "0");
        assertEquals(ExitCode.OK, r.exit, r.toString());
        String report = Files.readString(out.resolve("report.json"));
        assertTrue(report.contains("\"httpCalls\": " + (server.requests() - before)), report);
        assertTrue(!report.contains("\"retries\": 0,"), "the faults were retried");

        String text = TIMING.matcher(report).replaceAll("\"$1\": _");
        if (first == null) {
          first = text;
        } else {
          assertEquals(first, text, "report at " + inFlight + " in flight");
        }
      }
    }
  }
}
