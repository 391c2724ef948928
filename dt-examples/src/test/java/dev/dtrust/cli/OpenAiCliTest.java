package dev.dtrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtrust.core.report.TrustReport;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3 acceptance: {@code dt run --model openai:<model> --base-url http://127.0.0.1:<port>/v1}
 * against an OpenAI-compatible fake, and the API key in no output, cache or report file.
 */
class OpenAiCliTest {
  static final String KEY_ENV = "DT_TEST_API_KEY";
  static final ObjectMapper JSON = new ObjectMapper();

  MockWebServer server;
  final AtomicInteger calls = new AtomicInteger();
  final ConcurrentLinkedQueue<String> authorizations = new ConcurrentLinkedQueue<>();
  String key;

  @BeforeEach
  void start() throws Exception {
    key = System.getenv(KEY_ENV);
    assumeTrue(key != null, KEY_ENV + " is set by dt-examples' surefire configuration");
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        int call = calls.incrementAndGet();
        authorizations.add(String.valueOf(request.getHeaders().get("Authorization")));
        if (call == 1) {
          // a rate limit whose message echoes the key: retried, and the key must not reach the console
          return new MockResponse.Builder().code(429).addHeader("Retry-After", "0")
              .body("{\"error\":{\"message\":\"Rate limit reached for key " + key + "\",\"type\":\"requests\","
                  + "\"param\":null,\"code\":\"rate_limit_exceeded\"}}").build();
        }
        try {
          JsonNode body = JSON.readTree(request.getBody().utf8());
          int n = body.path("n").asInt(1);
          StringBuilder choices = new StringBuilder();
          for (int i = 0; i < n; i++) {
            String text = (call + i) % 3 == 0 ? "I agree." : "I disagree. That is a generalization.";
            choices.append(i == 0 ? "" : ",").append("{\"index\":").append(i)
                .append(",\"message\":{\"role\":\"assistant\",\"content\":\"").append(text)
                .append("\"},\"finish_reason\":\"stop\"}");
          }
          return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
              .body("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"" + body.path("model").asText()
                  + "\",\"system_fingerprint\":\"fp_test\",\"choices\":[" + choices + "],"
                  + "\"usage\":{\"prompt_tokens\":40,\"completion_tokens\":" + (6 * n) + ",\"total_tokens\":" + (40 + 6 * n) + "}}")
              .build();
        } catch (Exception e) {
          return new MockResponse.Builder().code(400).body("{\"error\":{\"message\":\"bad json\"}}").build();
        }
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void runsStereotypeAgainstAnOpenAiCompatibleServerAndNeverLeaksTheKey(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    Files.createDirectories(data.resolve("templates"));
    try (InputStream in = OpenAiCliTest.class.getResourceAsStream("/dev/dtrust/starter/root/templates/stereotype.json")) {
      assertNotNull(in, "the starter stereotype templates");
      Files.copy(in, data.resolve("templates/stereotype.json"));
    }
    Path out = dir.resolve("out");
    Path cache = dir.resolve("cache");
    String baseUrl = "http://127.0.0.1:" + server.getPort() + "/v1";

    CliRunner r = CliRunner.run("run", "--model", "openai:gpt-fake", "--base-url", baseUrl, "--api-key-env", KEY_ENV,
        "--data", data.toString(), "--perspectives", "stereotype", "--out", out.toString(), "--cache", cache.toString(),
        "--max-in-flight", "4");
    assertEquals(ExitCode.OK, r.exit, r.toString());

    TrustReport report = TrustReport.read(out.resolve("report.json"));
    long planned = report.run().planned();
    assertTrue(planned > 0);
    assertEquals(planned, report.run().answered());
    assertEquals(0, report.run().failed());
    assertEquals(1, report.run().retries(), "the 429 was retried once");
    assertEquals(calls.get(), report.run().httpCalls(), "run.httpCalls counts every HTTP request, the retried one included");
    assertEquals(planned + 1, report.run().httpCalls());
    assertNotNull(report.perspective("stereotype").score());
    JsonNode model = JSON.readTree(out.resolve("report.json").toFile()).path("model");
    assertEquals("openai", model.path("client").asText());
    assertEquals("gpt-fake", model.path("id").asText());
    assertEquals(baseUrl, model.path("baseUrl").asText());
    assertTrue(authorizations.stream().allMatch(a -> a.equals("Bearer " + key)), "the key is sent as a bearer token");

    // a second run with the same cache sends nothing
    int before = calls.get();
    CliRunner again = CliRunner.run("run", "--model", "openai:gpt-fake", "--base-url", baseUrl, "--api-key-env", KEY_ENV,
        "--data", data.toString(), "--perspectives", "stereotype", "--out", dir.resolve("out2").toString(),
        "--cache", cache.toString());
    assertEquals(ExitCode.OK, again.exit, again.toString());
    assertEquals(before, calls.get());

    assertKeyAbsent(r.out + r.err + again.out + again.err, "console output");
    for (Path root : List.of(out, dir.resolve("out2"), cache)) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          assertKeyAbsent(Files.readString(f), f.toString());
        }
      }
    }
  }

  @Test
  void aMissingKeyVariableIsAUsageErrorNamingIt(@TempDir Path dir) {
    CliRunner r = CliRunner.run("run", "--model", "openai:gpt-fake", "--api-key-env", "DT_SURELY_UNSET_VARIABLE_42",
        "--data", dir.toString(), "--perspectives", "stereotype", "--out", dir.resolve("out").toString());
    assertEquals(ExitCode.BAD_INPUT, r.exit, r.toString());
    assertTrue(r.err.contains("DT_SURELY_UNSET_VARIABLE_42"), r.err);
  }

  private void assertKeyAbsent(String text, String where) {
    assertFalse(text.contains(key), "the API key leaked into " + where);
    // and no recognisable part of it either
    assertFalse(text.contains(key.substring(key.length() - 12)), "a piece of the API key leaked into " + where);
  }
}
