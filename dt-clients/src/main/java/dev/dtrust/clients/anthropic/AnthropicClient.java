package dev.dtrust.clients.anthropic;

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
import org.jspecify.annotations.Nullable;

/**
 * Anthropic Messages ({@code POST <baseUrl>/v1/messages}).
 *
 * <p>The Messages API has no {@code system} role in the message list and no {@code n}: unnamed
 * system messages become the top-level {@code system} prompt (joined by a blank line, in order);
 * upstream's few-shot turns — {@code system} messages named {@code example_user} / {@code
 * example_assistant} — become {@code user} / {@code assistant} turns; what was mapped is recorded
 * in the response metadata under {@code role_mapping}. {@code max_tokens} is required, so a request
 * without one gets the builder's default. {@code n} is emulated: the engine sends n single calls
 * (and {@link #chat} loops when called directly). {@code top_p} is sent only when it is not the
 * no-op 1.0, because recent Claude models reject {@code temperature} and {@code top_p} together.
 * The Messages API has no seed; a seed is not sent.
 */
public final class AnthropicClient extends HttpModelClient {
  public static final String ANTHROPIC_BASE_URL = "https://api.anthropic.com";
  public static final String API_VERSION = "2023-06-01";
  private static final ApiKeyHeader X_API_KEY = new ApiKeyHeader("x-api-key", "");

  private final int defaultMaxTokens;

  private AnthropicClient(Builder b, HttpClientSettings settings) {
    super(b.model, false,
        settings.endpoint("anthropic", "v1/messages", X_API_KEY, Map.of("anthropic-version", b.version)));
    this.defaultMaxTokens = b.defaultMaxTokens;
  }

  /** A builder for {@code model}; the key usually comes from {@code ANTHROPIC_API_KEY}. */
  public static Builder builder(String model) {
    return new Builder(model);
  }

  @Override
  protected ChatResponse chat(ChatRequest request, CallHandle handle) {
    Mapped mapped = map(request.messages());
    ObjectNode body = body(request, mapped);
    long estimate = mapped.chars / 4 + (request.maxTokens() == null ? defaultMaxTokens : request.maxTokens());
    EmulatedSamples samples = new EmulatedSamples();
    for (int s = 0; s < request.samples(); s++) {
      samples.add(response(endpoint().post(body, estimate, AnthropicClient::totalTokens, handle)));
    }
    return samples.response(mapped.mapping.isEmpty() ? Map.of() : Map.of("role_mapping", mapped.mapping));
  }

  /** One call's answer as a one-choice response. */
  static ChatResponse response(JsonNode json) {
    JsonNode u = json.path("usage");
    Usage usage = new Usage(u.path("input_tokens").asLong(0), u.path("output_tokens").asLong(0));
    Map<String, String> meta = new LinkedHashMap<>();
    if (json.hasNonNull("model")) {
      meta.put("model", json.get("model").asText());
    }
    if (json.hasNonNull("stop_reason")) {
      meta.put("stop_reason", json.get("stop_reason").asText());
    }
    return new ChatResponse(List.of(choice(json)), usage, meta);
  }

  /** The request body; package-visible so tests can compare it with Anthropic's documentation. */
  ObjectNode body(ChatRequest request, Mapped mapped) {
    ObjectNode b = JsonHttp.JSON.createObjectNode();
    b.put("model", modelId());
    b.put("max_tokens", request.maxTokens() == null ? defaultMaxTokens : request.maxTokens());
    if (mapped.system != null) {
      b.put("system", mapped.system);
    }
    ArrayNode messages = b.putArray("messages");
    for (ChatMessage m : mapped.turns) {
      ObjectNode o = messages.addObject();
      o.put("role", m.role());
      o.put("content", m.content());
    }
    if (request.temperature() != null) {
      b.put("temperature", request.temperature());
    }
    if (request.topP() != null && request.topP() != 1.0) {
      b.put("top_p", request.topP());
    }
    if (request.stop() != null && !request.stop().isEmpty()) {
      ArrayNode stop = b.putArray("stop_sequences");
      request.stop().forEach(stop::add);
    }
    return b;
  }

  /** The Messages API's view of a conversation. */
  record Mapped(@Nullable String system, List<ChatMessage> turns, String mapping, long chars) {}

  static Mapped map(List<ChatMessage> messages) {
    StringBuilder system = null;
    List<ChatMessage> turns = new ArrayList<>();
    List<String> mapping = new ArrayList<>();
    long chars = 0;
    for (int i = 0; i < messages.size(); i++) {
      ChatMessage m = messages.get(i);
      chars += m.content().length();
      if (m.role().equals("system") && "example_user".equals(m.name())) {
        turns.add(ChatMessage.user(m.content()));
        mapping.add(i + ":system/example_user->user");
      } else if (m.role().equals("system") && "example_assistant".equals(m.name())) {
        turns.add(ChatMessage.assistant(m.content()));
        mapping.add(i + ":system/example_assistant->assistant");
      } else if (m.role().equals("system")) {
        system = system == null ? new StringBuilder(m.content()) : system.append("\n\n").append(m.content());
        mapping.add(i + ":system->top-level system");
      } else {
        turns.add(new ChatMessage(m.role(), m.content(), null));
      }
    }
    return new Mapped(system == null ? null : system.toString(), turns, String.join(";", mapping), chars);
  }

  static Choice choice(JsonNode json) {
    StringBuilder text = new StringBuilder();
    for (JsonNode block : json.path("content")) {
      if (block.path("type").asText().equals("text")) {
        text.append(block.path("text").asText());
      }
    }
    String stop = json.hasNonNull("stop_reason") ? json.get("stop_reason").asText() : null;
    String finish = stop == null ? null : switch (stop) {
      case "end_turn", "stop_sequence" -> "stop";
      case "max_tokens" -> "length";
      case "refusal" -> "content_filter";
      default -> stop;
    };
    return new Choice(text.toString(), finish);
  }

  private static long totalTokens(JsonNode json) {
    JsonNode u = json.path("usage");
    return u.path("input_tokens").asLong(0) + u.path("output_tokens").asLong(0);
  }

  /**
   * Options of an {@link AnthropicClient}. The base URL is the host (default {@value
   * AnthropicClient#ANTHROPIC_BASE_URL}), {@code /v1/messages} is appended; the key goes in {@code
   * x-api-key}; the default timeout is 10 minutes.
   */
  public static final class Builder extends HttpClientBuilder<Builder> {
    private final String model;
    private String version = API_VERSION;
    private int defaultMaxTokens = 1024;

    private Builder(String model) {
      super(ANTHROPIC_BASE_URL, "v1/messages", Duration.ofMinutes(10));
      this.model = Objects.requireNonNull(model, "model");
    }

    /** The {@code anthropic-version} header (default {@value AnthropicClient#API_VERSION}). */
    public Builder version(String version) {
      this.version = version;
      return this;
    }

    /** {@code max_tokens} for requests that set none (the API requires it; default 1024). */
    public Builder defaultMaxTokens(int tokens) {
      this.defaultMaxTokens = tokens;
      return this;
    }

    public AnthropicClient build() {
      return new AnthropicClient(this, settings());
    }
  }
}
