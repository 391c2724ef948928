package dev.dtrust.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtrust.core.json.Sha256;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * An OpenAI-compatible chat completions server on 127.0.0.1 that misbehaves at configurable rates:
 * 429 with {@code Retry-After}, 500/503, a connection closed instead of an answer, an answer that
 * stalls past the client's timeout, malformed or truncated JSON, an empty {@code choices}.
 *
 * <p>Everything is a function of the request body: the answer texts (so a resumed or re-ordered run
 * gets the same answers) and whether attempt k of a body fails (so the faults do not depend on
 * arrival order either). Each answer text carries a tag naming the body and the choice index, so a
 * test can find in the cache exactly which answers the client kept.
 */
final class FaultyOpenAiServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The faults, in the order their rates are laid end to end on [0, 1). */
  enum Fault { RATE_LIMIT, SERVER_ERROR, RESET, STALL, MALFORMED, TRUNCATED, EMPTY_CHOICES }

  /**
   * Fault rates per attempt and the attempts that may fail.
   *
   * @param rates          the probability of each fault on a faultable attempt (sum ≤ 1)
   * @param faultyAttempts attempts of a body (1-based) up to this one may fail; later ones succeed
   * @param stallMillis    how long a stalled answer waits before its headers
   * @param answerMillis   how long every successful answer takes (a slow server)
   */
  record Faults(Map<Fault, Double> rates, int faultyAttempts, long stallMillis, long answerMillis) {
    static Faults none() {
      return new Faults(Map.of(), 0, 0, 0);
    }
  }

  private final MockWebServer server = new MockWebServer();
  private final Faults faults;
  private final AtomicLong requests = new AtomicLong();
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private final Map<Fault, AtomicLong> injected = new ConcurrentHashMap<>();
  /** Tags of the choices of every full successful answer (as many choices as the request's n). */
  private final Set<String> answeredTags = ConcurrentHashMap.newKeySet();
  /** Bodies answered successfully, by body hash. */
  private final Set<String> answeredBodies = ConcurrentHashMap.newKeySet();
  /** Every body hash received, with how often. */
  private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();

  FaultyOpenAiServer(Faults faults) throws IOException {
    this.faults = faults;
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer(request);
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  /** The API root, {@code http://127.0.0.1:<port>/v1}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getPort() + "/v1";
  }

  /** Requests the server received. */
  long requests() {
    return requests.get();
  }

  /** Forgets how often each body was asked, so the next run meets the same faults again. */
  void forgetAttempts() {
    attempts.clear();
  }

  /** How many times each fault was injected. */
  long injected(Fault f) {
    AtomicLong n = injected.get(f);
    return n == null ? 0 : n.get();
  }

  /** Tags of the choices of every successful full answer. */
  Set<String> answeredTags() {
    return Set.copyOf(answeredTags);
  }

  /** Hashes of the bodies answered successfully. */
  Set<String> answeredBodies() {
    return Set.copyOf(answeredBodies);
  }

  /** How many times a body hash was received. */
  Map<String, Integer> received() {
    Map<String, Integer> m = new ConcurrentHashMap<>();
    received.forEach((k, v) -> m.put(k, v.get()));
    return m;
  }

  /** The tag an answer text carries: {@code ref:<body hash>:<choice>}. */
  static String tagOf(String text) {
    int at = text.indexOf("ref:");
    return at < 0 ? "" : text.substring(at).trim();
  }

  /** The body hash a tag names. */
  static String bodyOf(String tag) {
    String[] parts = tag.split(":");
    return parts.length < 2 ? "" : parts[1];
  }

  private MockResponse answer(RecordedRequest request) {
    requests.incrementAndGet();
    String raw = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
    String body = Sha256.hex(raw).substring(0, 16);
    received.computeIfAbsent(body, k -> new AtomicInteger()).incrementAndGet();
    int attempt = attempts.computeIfAbsent(body, k -> new AtomicInteger()).incrementAndGet();
    Fault fault = attempt <= faults.faultyAttempts() ? draw(body, attempt) : null;
    if (fault != null) {
      injected.computeIfAbsent(fault, k -> new AtomicLong()).incrementAndGet();
      return faulty(fault, raw, body, String.valueOf(request.getHeaders().get("Authorization")));
    }
    JsonNode json;
    try {
      json = JSON.readTree(raw);
    } catch (IOException e) {
      return new MockResponse.Builder().code(400).body("{\"error\":{\"message\":\"not JSON\"}}").build();
    }
    int n = json.path("n").asInt(1);
    for (int i = 0; i < n; i++) {
      answeredTags.add("ref:" + body + ":" + i);
    }
    answeredBodies.add(body);
    MockResponse.Builder b = success(json, body);
    if (faults.answerMillis() > 0) {
      b.headersDelay(faults.answerMillis(), TimeUnit.MILLISECONDS);
    }
    return b.build();
  }

  /** The fault for attempt {@code attempt} of a body, or null: a pure function of both. */
  private Fault draw(String body, int attempt) {
    String h = Sha256.hex(body + "#" + attempt);
    double u = Long.parseLong(h.substring(0, 13), 16) / (double) (1L << 52);
    double edge = 0;
    for (Fault f : Fault.values()) {
      edge += faults.rates().getOrDefault(f, 0.0);
      if (u < edge) {
        return f;
      }
    }
    return null;
  }

  /** A fault; the 429 echoes the credentials, as careless gateways do, so a test sees they are redacted. */
  private MockResponse faulty(Fault fault, String raw, String body, String authorization) {
    return switch (fault) {
      case RATE_LIMIT -> new MockResponse.Builder().code(429).addHeader("Retry-After", "0")
          .addHeader("Content-Type", "application/json")
          .body("{\"error\":{\"message\":\"Rate limit reached for " + authorization.replace("\"", "") + "\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}").build();
      case SERVER_ERROR -> new MockResponse.Builder().code(body.charAt(0) < '8' ? 500 : 503)
          .addHeader("Content-Type", "application/json")
          .body("{\"error\":{\"message\":\"The server had an error while processing your request.\",\"type\":\"server_error\"}}").build();
      case RESET -> new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, true, true)).build();
      case STALL -> new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body("{}").headersDelay(faults.stallMillis(), TimeUnit.MILLISECONDS).build();
      case MALFORMED -> new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body("<html><body>502 Bad Gateway</body></html>").build();
      case TRUNCATED -> {
        String full;
        try {
          JsonNode json = JSON.readTree(raw);
          full = text(json, body);
        } catch (IOException e) {
          full = "{\"choices\":[]}";
        }
        yield new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
            .body(full.substring(0, full.length() / 2)).build();
      }
      case EMPTY_CHOICES -> new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body("{\"id\":\"chatcmpl-empty\",\"object\":\"chat.completion\",\"choices\":[],"
              + "\"usage\":{\"prompt_tokens\":0,\"completion_tokens\":0,\"total_tokens\":0}}").build();
    };
  }

  private static MockResponse.Builder success(JsonNode json, String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(text(json, body));
  }

  /** A chat completion whose texts depend only on the body: agree or disagree, and the tag. */
  private static String text(JsonNode json, String body) {
    int n = json.path("n").asInt(1);
    StringBuilder choices = new StringBuilder();
    for (int i = 0; i < n; i++) {
      boolean agree = Character.digit(Sha256.hex(body + "/" + i).charAt(0), 16) < 6;
      String text = (agree ? "I agree." : "I disagree. That is a generalization.") + " ref:" + body + ":" + i;
      choices.append(i == 0 ? "" : ",").append("{\"index\":").append(i)
          .append(",\"message\":{\"role\":\"assistant\",\"content\":\"").append(text)
          .append("\"},\"finish_reason\":\"stop\"}");
    }
    return "{\"id\":\"chatcmpl-" + body + "\",\"object\":\"chat.completion\",\"model\":\"" + json.path("model").asText()
        + "\",\"choices\":[" + choices + "],\"usage\":{\"prompt_tokens\":40,\"completion_tokens\":" + (6 * n)
        + ",\"total_tokens\":" + (40 + 6 * n) + "}}";
  }

  @Override
  public void close() {
    server.close();
  }
}
