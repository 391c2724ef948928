package dev.dtrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dt check} against an OpenAI-compatible fake: success, and one clear line per failure kind. */
class CheckCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private MockWebServer server;

  private String start(Function<RecordedRequest, MockResponse> answer) throws Exception {
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer.apply(request);
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    return "http://127.0.0.1:" + server.getPort() + "/v1";
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static MockResponse completion(RecordedRequest request) {
    return completion(request, true);
  }

  private static MockResponse completion(RecordedRequest request, boolean honourN) {
    try {
      JsonNode body = JSON.readTree(request.getBody().utf8());
      int n = honourN ? body.path("n").asInt(1) : 1;
      boolean cut = body.path("max_tokens").asInt(100) <= 5;
      StringBuilder choices = new StringBuilder();
      for (int i = 0; i < n; i++) {
        choices.append(i == 0 ? "" : ",").append("{\"index\":").append(i).append(",\"message\":{\"role\":\"assistant\",\"content\":\"")
            .append(cut ? "1 2 3" : "ready").append("\"},\"finish_reason\":\"").append(cut ? "length" : "stop").append("\"}");
      }
      return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body("{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":[" + choices + "],"
              + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":2,\"total_tokens\":12}}").build();
    } catch (Exception e) {
      return new MockResponse.Builder().code(400).body("{\"error\":{\"message\":\"bad\"}}").build();
    }
  }

  @Test
  void aHealthyServerPassesAndTheRunIsEstimated(@TempDir Path dir) throws Exception {
    String url = start(CheckCommandTest::completion);
    Path root = Files.createDirectories(dir.resolve("root/templates"));
    Files.copy(Path.of("../dt-perspectives/src/main/resources/dev/dtrust/starter/root/templates/stereotype.json"),
        root.resolve("stereotype.json"));
    CliRunner r = CliRunner.run("check", "--model", "openai:test-model", "--base-url", url, "--data",
        dir.resolve("root").toString(), "--perspectives", "stereotype", "--max-in-flight", "4");
    assertEquals(ExitCode.OK, r.exit, r.toString());
    assertTrue(r.out.contains("ok   endpoint reachable, credentials accepted, a chat completed"), r.out);
    assertTrue(r.out.contains("returned 3 of 3 choices"), r.out);
    assertTrue(r.out.contains("max_tokens=5 gave finish reason length"), r.out);
    assertTrue(r.out.contains("stereotype: 108 requests"), r.out);
    assertTrue(r.out.contains("estimate: 108 requests at 4 in flight"), r.out);
  }

  @Test
  void aServerThatIgnoresNIsReported() throws Exception {
    String url = start(req -> completion(req, false));
    CliRunner r = CliRunner.run("check", "--model", "openai:m", "--base-url", url);
    assertEquals(ExitCode.OK, r.exit, r.toString());
    assertTrue(r.out.contains("the server ignored n=3"), r.out);
  }

  @Test
  void rejectedCredentials() throws Exception {
    String url = start(req -> new MockResponse.Builder().code(401)
        .body("{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}").build());
    CliRunner r = CliRunner.run("check", "--model", "openai:m", "--base-url", url);
    assertEquals(ExitCode.INCOMPLETE, r.exit, r.toString());
    assertTrue(r.err.contains("credentials rejected (HTTP 401)"), r.err);
    assertOneLine(r);
  }

  @Test
  void unknownModelOrWrongUrl() throws Exception {
    String url = start(req -> new MockResponse.Builder().code(404)
        .body("{\"error\":{\"message\":\"The model `nope` does not exist\",\"type\":\"invalid_request_error\",\"code\":\"model_not_found\"}}").build());
    CliRunner r = CliRunner.run("check", "--model", "openai:nope", "--base-url", url);
    assertEquals(ExitCode.INCOMPLETE, r.exit, r.toString());
    assertTrue(r.err.contains("not found (HTTP 404)"), r.err);
    assertOneLine(r);
  }

  @Test
  void nothingListening() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort();
    }
    CliRunner r = CliRunner.run("check", "--model", "openai:m", "--base-url", "http://127.0.0.1:" + port + "/v1");
    assertEquals(ExitCode.INCOMPLETE, r.exit, r.toString());
    assertTrue(r.err.contains("endpoint unreachable"), r.err);
    assertOneLine(r);
  }

  @Test
  void aServerThatNeverAnswersTimesOut() throws Exception {
    String url = start(req -> new MockResponse.Builder().code(200).headersDelay(10, TimeUnit.SECONDS).body("{}").build());
    CliRunner r = CliRunner.run("check", "--model", "openai:m", "--base-url", url, "--timeout", "1");
    assertEquals(ExitCode.INCOMPLETE, r.exit, r.toString());
    assertTrue(r.err.contains("timed out"), r.err);
    assertOneLine(r);
  }

  private static void assertOneLine(CliRunner r) {
    assertEquals(1, r.err.strip().lines().count(), r.err);
    assertFalse(r.err.contains("\tat "), r.err);
  }
}
