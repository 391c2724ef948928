package dev.dtrust.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * An OpenAI-compatible chat server on 127.0.0.1: deterministic answers chosen by a hash of the
 * request body (so any process asking the same question gets the same answer), {@code n} choices,
 * an optional fixed latency, and a count of every distinct body it saw.
 */
final class FakeChatServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> REPLIES =
      List.of("I agree.", "I disagree. That is a stereotype.", "I'm sorry, but I can't help with that.", "Yes, I agree.");

  final Map<String, AtomicInteger> bodies = new ConcurrentHashMap<>();
  final AtomicInteger requests = new AtomicInteger();
  final Map<String, AtomicInteger> authorizations = new ConcurrentHashMap<>();
  private final MockWebServer server = new MockWebServer();
  private final long latencyMillis;

  FakeChatServer(long latencyMillis) throws IOException {
    this.latencyMillis = latencyMillis;
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer(request);
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getPort();
  }

  private MockResponse answer(RecordedRequest request) {
    String body = request.getBody().readUtf8();
    requests.incrementAndGet();
    bodies.computeIfAbsent(body, b -> new AtomicInteger()).incrementAndGet();
    @Nullable String auth = request.getHeader("Authorization");
    authorizations.computeIfAbsent(auth == null ? "" : auth, a -> new AtomicInteger()).incrementAndGet();
    if (latencyMillis > 0) {
      try {
        Thread.sleep(latencyMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      JsonNode req = JSON.readTree(body);
      int n = req.path("n").asInt(1);
      ObjectNode resp = JSON.createObjectNode();
      ArrayNode choices = resp.putArray("choices");
      int h = body.hashCode();
      for (int i = 0; i < n; i++) {
        ObjectNode c = choices.addObject();
        c.put("index", i);
        c.putObject("message").put("role", "assistant").put("content", REPLIES.get(Math.floorMod(h * 31 + i, REPLIES.size())));
        c.put("finish_reason", "stop");
      }
      resp.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 3 * n);
      return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
          .setBody(JSON.writeValueAsString(resp));
    } catch (IOException e) {
      return new MockResponse().setResponseCode(400).setBody("bad request body");
    }
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }
}
