package dev.dtrust.clients.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dtrust.clients.http.ApiKeyHeader;
import dev.dtrust.clients.http.CallHandle;
import dev.dtrust.clients.http.EmulatedSamples;
import dev.dtrust.clients.http.HttpClientBuilder;
import dev.dtrust.clients.http.HttpClientSettings;
import dev.dtrust.clients.http.HttpModelClient;
import dev.dtrust.clients.http.JsonHttp;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.model.ChatResponse;
import dev.dtrust.core.model.Choice;
import dev.dtrust.core.model.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Google Gemini {@code generateContent} ({@code POST <baseUrl>/v1beta/models/<model>:generateContent}).
 *
 * <p>Roles: unnamed {@code system} messages become {@code systemInstruction}; {@code user} and
 * {@code example_user} become {@code user} contents; {@code assistant} and {@code example_assistant}
 * become {@code model} contents (recorded under {@code role_mapping}). A safety block — no
 * candidates with a {@code promptFeedback.blockReason}, or a candidate finishing with {@code
 * SAFETY}, {@code PROHIBITED_CONTENT}, {@code BLOCKLIST}, {@code SPII} or {@code RECITATION} — is a
 * refusal response ({@code finishReason = "content_filter"}), not an error. {@code n} is emulated
 * by single calls, like Anthropic's.
 */
public final class GeminiClient extends HttpModelClient {
  public static final String GEMINI_BASE_URL = "https://generativelanguage.googleapis.com";
  private static final Set<String> BLOCKED =
      Set.of("SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "RECITATION", "IMAGE_SAFETY");

  private GeminiClient(Builder b, HttpClientSettings settings) {
    super(b.model, false, settings.endpoint("gemini", b.apiVersion + "/models/" + b.model + ":generateContent",
        ApiKeyHeader.GOOGLE, Map.of()));
  }

  /** A builder for {@code model}; the key usually comes from {@code GEMINI_API_KEY}. */
  public static Builder builder(String model) {
    return new Builder(model);
  }

  @Override
  protected ChatResponse chat(ChatRequest request, CallHandle handle) {
    List<String> mapping = new ArrayList<>();
    ObjectNode body = body(request, mapping);
    long chars = request.messages().stream().mapToLong(m -> m.content().length()).sum();
    long estimate = chars / 4 + (request.maxTokens() == null ? 256 : request.maxTokens());
    EmulatedSamples samples = new EmulatedSamples();
    for (int s = 0; s < request.samples(); s++) {
      samples.add(response(endpoint().post(body, estimate, GeminiClient::totalTokens, handle)));
    }
    return samples.response(mapping.isEmpty() ? Map.of() : Map.of("role_mapping", String.join(";", mapping)));
  }

  /** One call's answer as a one-choice response. */
  static ChatResponse response(JsonNode json) {
    Map<String, String> meta = new LinkedHashMap<>();
    Choice choice = choice(json, meta);
    JsonNode u = json.path("usageMetadata");
    Usage usage = new Usage(u.path("promptTokenCount").asLong(0),
        u.path("candidatesTokenCount").asLong(0) + u.path("thoughtsTokenCount").asLong(0));
    if (json.hasNonNull("modelVersion")) {
      meta.put("model", json.get("modelVersion").asText());
    }
    return new ChatResponse(List.of(choice), usage, meta);
  }

  /** The request body; package-visible so tests can compare it with Google's documentation. */
  ObjectNode body(ChatRequest request, List<String> mapping) {
    ObjectNode b = JsonHttp.JSON.createObjectNode();
    StringBuilder system = null;
    ArrayNode contents = b.putArray("contents");
    List<ChatMessage> messages = request.messages();
    for (int i = 0; i < messages.size(); i++) {
      ChatMessage m = messages.get(i);
      String role;
      if (m.role().equals("system") && "example_user".equals(m.name())) {
        role = "user";
        mapping.add(i + ":system/example_user->user");
      } else if (m.role().equals("system") && "example_assistant".equals(m.name())) {
        role = "model";
        mapping.add(i + ":system/example_assistant->model");
      } else if (m.role().equals("system")) {
        system = system == null ? new StringBuilder(m.content()) : system.append("\n\n").append(m.content());
        mapping.add(i + ":system->systemInstruction");
        continue;
      } else if (m.role().equals("assistant")) {
        role = "model";
      } else {
        role = m.role();
      }
      ObjectNode c = contents.addObject();
      c.put("role", role);
      c.putArray("parts").addObject().put("text", m.content());
    }
    if (system != null) {
      b.putObject("systemInstruction").putArray("parts").addObject().put("text", system.toString());
    }
    ObjectNode g = b.putObject("generationConfig");
    if (request.temperature() != null) {
      g.put("temperature", request.temperature());
    }
    if (request.topP() != null) {
      g.put("topP", request.topP());
    }
    if (request.maxTokens() != null) {
      g.put("maxOutputTokens", request.maxTokens());
    }
    if (request.stop() != null && !request.stop().isEmpty()) {
      ArrayNode stop = g.putArray("stopSequences");
      request.stop().forEach(stop::add);
    }
    if (request.seed() != null) {
      g.put("seed", request.seed());
    }
    g.put("candidateCount", 1);
    return b;
  }

  static Choice choice(JsonNode json, Map<String, String> meta) {
    JsonNode candidates = json.path("candidates");
    if (!candidates.isArray() || candidates.isEmpty()) {
      // the prompt itself was blocked: a refusal, not an error
      String reason = json.path("promptFeedback").path("blockReason").asText("BLOCKED");
      meta.put("block_reason", reason);
      return new Choice("", "content_filter");
    }
    JsonNode c = candidates.get(0);
    StringBuilder text = new StringBuilder();
    for (JsonNode part : c.path("content").path("parts")) {
      if (part.hasNonNull("text") && !part.path("thought").asBoolean(false)) {
        text.append(part.get("text").asText());
      }
    }
    String reason = c.hasNonNull("finishReason") ? c.get("finishReason").asText() : null;
    String finish;
    if (reason == null) {
      finish = null;
    } else if (BLOCKED.contains(reason)) {
      meta.put("block_reason", reason);
      finish = "content_filter";
    } else if (reason.equals("STOP")) {
      finish = "stop";
    } else if (reason.equals("MAX_TOKENS")) {
      finish = "length";
    } else {
      finish = reason.toLowerCase(java.util.Locale.ROOT);
    }
    return new Choice(text.toString(), finish);
  }

  private static long totalTokens(JsonNode json) {
    return json.path("usageMetadata").path("totalTokenCount").asLong(0);
  }

  /**
   * Options of a {@link GeminiClient}. The base URL is the host (default {@value
   * GeminiClient#GEMINI_BASE_URL}), {@code /<apiVersion>/models/<model>:generateContent} is
   * appended; the key goes in {@code x-goog-api-key}; the default timeout is 10 minutes.
   */
  public static final class Builder extends HttpClientBuilder<Builder> {
    private final String model;
    private String apiVersion = "v1beta";

    private Builder(String model) {
      super(GEMINI_BASE_URL, "v1beta", Duration.ofMinutes(10));
      this.model = Objects.requireNonNull(model, "model");
    }

    /** {@code v1beta} (default) or {@code v1}. */
    public Builder apiVersion(String apiVersion) {
      this.apiVersion = apiVersion;
      return this;
    }

    public GeminiClient build() {
      return new GeminiClient(this, settings());
    }
  }
}
