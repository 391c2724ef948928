package dev.dtrust.clients.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.clients.openai.OpenAiChatClient;
import dev.dtrust.clients.testing.FakeServer;
import dev.dtrust.core.engine.Budget;
import dev.dtrust.core.engine.Engine;
import dev.dtrust.core.engine.EvaluationListener;
import dev.dtrust.core.engine.ResponseCache;
import dev.dtrust.core.engine.RetryPolicy;
import dev.dtrust.core.engine.RunCounters;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.model.ModelException;
import dev.dtrust.core.perspective.Probe;
import dev.dtrust.core.perspective.ProbeOutcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issue 18, reliability: an API key set on a client appears in no exception (message, string form,
 * stack trace, causes), no failure reason or retry event, no log record at DEBUG (slf4j and
 * java.util.logging, where OkHttp logs), and no cache file — even when the server echoes it back.
 */
class SecretsTest {
  static final String KEY = "sk-dtrust-secret-4b1d9e0c7a6f3e28-NEVER-PRINT";
  static final String OK = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"m\",\"choices\":[{\"index\":0,"
      + "\"message\":{\"role\":\"assistant\",\"content\":\"fine\"},\"finish_reason\":\"stop\"}],"
      + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}";

  @Test
  void theKeyIsInNoExceptionLogEventOrCacheFile(@TempDir Path dir) throws Exception {
    ConcurrentLinkedQueue<String> logged = new ConcurrentLinkedQueue<>();
    Logger julRoot = Logger.getLogger("");
    Level before = julRoot.getLevel();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord r) {
        logged.add(r.getLoggerName() + " " + r.getMessage() + " " + r.getThrown());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    capture.setLevel(Level.ALL);
    julRoot.setLevel(Level.ALL);
    julRoot.addHandler(capture);
    LoggerFactory.getLogger(SecretsTest.class).debug("SecretsTest starts; debug logging reaches the log file");
    List<Throwable> thrown = new ArrayList<>();
    List<String> events = new ArrayList<>();
    try (FakeServer server = new FakeServer();
        OpenAiChatClient client = OpenAiChatClient.builder("m").baseUrl(server.url("/v1")).apiKey(ApiKey.of(KEY))
            .timeout(Duration.ofSeconds(5)).build()) {
      // every kind of failure, each echoing the credentials as a careless gateway would
      String echo = "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + " (Bearer " + KEY + ")\"}}";
      server.json(401, echo);
      server.json(429, echo, "Retry-After", "0");
      server.json(500, echo);
      server.json(200, "not json at all, but the key: " + KEY);
      server.reset();
      for (int i = 0; i < 5; i++) {
        thrown.add(assertThrows(ModelException.class, () -> client.chat(ChatRequest.of(List.of(ChatMessage.user("hi"))))));
      }
      assertEquals("Bearer " + KEY, server.take().getHeaders().get("Authorization"), "the key is sent");

      // and through the engine, with a cache: a retried 429 echoing the key, then answers
      server.json(429, echo, "Retry-After", "0");
      server.json(200, OK);
      server.json(401, echo);
      List<Probe> probes = List.of(
          new Probe("p", "s", "k1", ChatRequest.of(List.of(ChatMessage.user("one"))), Map.of()),
          new Probe("p", "s", "k2", ChatRequest.of(List.of(ChatMessage.user("two"))), Map.of()));
      EvaluationListener listener = new EvaluationListener() {
        @Override
        public void retry(Probe probe, int attempt, ModelException error, Duration delay) {
          synchronized (events) {
            events.add(error.getMessage());
            thrown.add(error);
          }
        }

        @Override
        public void failure(Probe probe, String reason) {
          synchronized (events) {
            events.add(reason);
          }
        }
      };
      List<ProbeOutcome> outcomes;
      try (ResponseCache cache = ResponseCache.open(dir.resolve("cache"))) {
        outcomes = new Engine(client, cache, 1, new RetryPolicy(2, Duration.ZERO, Duration.ZERO), Budget.unlimited(),
            listener, new RunCounters(), d -> { }).execute("p", probes);
      }
      assertTrue(outcomes.get(0).answered(), "the first probe is answered after the retry");
      assertFalse(outcomes.get(1).answered(), "the second fails for good on the 401");
      events.add(outcomes.get(1).failure());
      events.add(client.toString());
    } finally {
      julRoot.removeHandler(capture);
      julRoot.setLevel(before);
    }

    for (Throwable t : thrown) {
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      assertKeyAbsent(trace.toString(), "an exception");
      for (Throwable c = t; c != null; c = c.getCause()) {
        assertKeyAbsent(String.valueOf(c.getMessage()), "an exception message");
      }
    }
    events.forEach(e -> assertKeyAbsent(e, "a retry or failure event"));
    logged.forEach(l -> assertKeyAbsent(l, "a java.util.logging record"));
    assertKeyAbsent(ApiKey.of(KEY).toString(), "ApiKey.toString");
    Path debugLog = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/test-debug.log"));
    if (System.getProperty("org.slf4j.simpleLogger.logFile") != null) {
      assertTrue(Files.readString(debugLog).contains("SecretsTest starts"), "slf4j writes DEBUG to " + debugLog);
      assertKeyAbsent(Files.readString(debugLog), debugLog.toString());
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertKeyAbsent(Files.readString(f), f.toString());
      }
    }
  }

  private static void assertKeyAbsent(String text, String where) {
    assertFalse(text.contains(KEY), "the API key leaked into " + where + ": " + text);
    assertFalse(text.contains(KEY.substring(10, 26)), "a piece of the API key leaked into " + where + ": " + text);
  }
}
