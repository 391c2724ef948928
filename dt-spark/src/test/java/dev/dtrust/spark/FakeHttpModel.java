package dev.dtrust.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.model.ChatResponse;
import dev.dtrust.core.model.Choice;
import dev.dtrust.core.model.ModelClient;
import dev.dtrust.core.model.ModelException;
import dev.dtrust.core.model.Usage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small OpenAI-compatible client over {@link HttpClient}, standing in for dt-clients' own until
 * it lands: enough for the fake server, nothing more.
 */
final class FakeHttpModel implements ModelClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String model;
  private final String baseUrl;
  private final String apiKey;
  private final AtomicLong calls = new AtomicLong();
  private final AtomicLong answered = new AtomicLong();
  private final CallHook hook;

  /** Lets a test act before each call (e.g. crash a task attempt after some answers). */
  @FunctionalInterface
  interface CallHook {
    void beforeCall(long answeredSoFar);
  }

  FakeHttpModel(String model, String baseUrl, String apiKey, CallHook hook) {
    this.model = model;
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.hook = hook;
  }

  @Override
  public String modelId() {
    return model;
  }

  @Override
  public long httpCalls() {
    return calls.get();
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", model);
    ArrayNode messages = body.putArray("messages");
    for (ChatMessage m : request.messages()) {
      ObjectNode o = messages.addObject().put("role", m.role()).put("content", m.content());
      if (m.name() != null) {
        o.put("name", m.name());
      }
    }
    if (request.temperature() != null) {
      body.put("temperature", request.temperature());
    }
    if (request.maxTokens() != null) {
      body.put("max_tokens", request.maxTokens());
    }
    if (request.topP() != null) {
      body.put("top_p", request.topP());
    }
    if (request.n() != null) {
      body.put("n", request.n());
    }
    hook.beforeCall(answered.get());
    try {
      HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/chat/completions"))
          .header("Authorization", "Bearer " + apiKey)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
          .build();
      calls.incrementAndGet();
      HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
      if (resp.statusCode() != 200) {
        throw new ModelException("HTTP " + resp.statusCode(), resp.statusCode() >= 500, null, resp.statusCode(), null);
      }
      JsonNode json = JSON.readTree(resp.body());
      List<Choice> choices = new ArrayList<>();
      for (JsonNode c : json.get("choices")) {
        choices.add(new Choice(c.path("message").path("content").asText(), c.path("finish_reason").asText(null)));
      }
      JsonNode u = json.path("usage");
      ChatResponse r = new ChatResponse(choices, new Usage(u.path("prompt_tokens").asLong(), u.path("completion_tokens").asLong()), Map.of());
      answered.incrementAndGet();
      return r;
    } catch (IOException e) {
      throw new ModelException("transport: " + e.getMessage(), true, null, 0, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ModelException.permanent("interrupted");
    }
  }
}
