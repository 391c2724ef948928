package dev.dtrust.clients.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dtrust.clients.http.ApiKey;
import dev.dtrust.clients.http.CallHandle;
import dev.dtrust.clients.http.JsonHttp;
import dev.dtrust.clients.http.RateGovernor;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.model.ChatResponse;
import dev.dtrust.core.model.Choice;
import dev.dtrust.core.model.ModelClient;
import dev.dtrust.core.model.Usage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import okhttp3.HttpUrl;
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
public final class AnthropicClient implements ModelClient {
  public static final String ANTHROPIC_BASE_URL = "https://api.anthropic.com";
  public static final String API_VERSION = "2023-06-01";

  private final String model;
  private final String baseUrl;
  private final HttpUrl url;
  private final Map<String, String> headers;
  private final JsonHttp http;
  private final int defaultMaxTokens;

  private AnthropicClient(Builder b) {
    this.model = b.model;
    this.baseUrl = b.baseUrl;
    this.url = JsonHttp.resolve(b.baseUrl, "v1/messages");
    Map<String, String> h = new LinkedHashMap<>(b.extraHeaders);
    if (b.apiKey != null) {
      h.put("x-api-key", b.apiKey.secret());
    }
    h.put("anthropic-version", b.version);
    this.headers = Map.copyOf(h);
    this.http = new JsonHttp("anthropic", b.timeout, b.apiKey, b.governor, b.clock);
    this.defaultMaxTokens = b.defaultMaxTokens;
  }

  public static Builder builder(String model) {
    return new Builder(model);
  }

  @Override
  public String modelId() {
    return model;
  }

  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public boolean supportsMultipleChoices() {
    return false;
  }

  @Override
  public long httpCalls() {
    return http.calls();
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    return chat(request, CallHandle.none());
  }

  @Override
  public CompletableFuture<ChatResponse> chatAsync(ChatRequest request, Executor executor) {
    return CallHandle.runAsync(executor, h -> chat(request, h));
  }

  private ChatResponse chat(ChatRequest request, CallHandle handle) {
    Mapped mapped = map(request.messages());
    ObjectNode body = body(request, mapped);
    long estimate = mapped.chars / 4 + (request.maxTokens() == null ? defaultMaxTokens : request.maxTokens());
    List<Choice> choices = new ArrayList<>();
    Usage usage = Usage.NONE;
    Map<String, String> meta = new LinkedHashMap<>();
    for (int s = 0; s < request.samples(); s++) {
      JsonNode json = http.post(url, headers, body, estimate, AnthropicClient::totalTokens, handle);
      choices.add(choice(json));
      JsonNode u = json.path("usage");
      usage = usage.plus(new Usage(u.path("input_tokens").asLong(0), u.path("output_tokens").asLong(0)));
      if (json.hasNonNull("model")) {
        meta.put("model", json.get("model").asText());
      }
      if (json.hasNonNull("stop_reason")) {
        meta.put("stop_reason", json.get("stop_reason").asText());
      }
    }
    if (!mapped.mapping.isEmpty()) {
      meta.put("role_mapping", mapped.mapping);
    }
    return new ChatResponse(choices, usage, meta);
  }

  /** The request body; package-visible so tests can compare it with Anthropic's documentation. */
  ObjectNode body(ChatRequest request, Mapped mapped) {
    ObjectNode b = JsonHttp.JSON.createObjectNode();
    b.put("model", model);
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

  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    return "AnthropicClient[model=" + model + ", baseUrl=" + baseUrl + "]";
  }

  /** Options of an {@link AnthropicClient}. */
  public static final class Builder {
    private final String model;
    private String baseUrl = ANTHROPIC_BASE_URL;
    private @Nullable ApiKey apiKey;
    private String version = API_VERSION;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();
    private Duration timeout = Duration.ofMinutes(10);
    private RateGovernor governor = RateGovernor.UNLIMITED;
    private int defaultMaxTokens = 1024;
    private Clock clock = Clock.systemUTC();

    private Builder(String model) {
      this.model = Objects.requireNonNull(model, "model");
    }

    /** The API root (default {@code https://api.anthropic.com}); {@code /v1/messages} is appended. */
    public Builder baseUrl(String baseUrl) {
      JsonHttp.resolve(baseUrl, "v1/messages");
      this.baseUrl = baseUrl;
      return this;
    }

    public Builder apiKey(ApiKey key) {
      this.apiKey = key;
      return this;
    }

    /** The key, read now from environment variable {@code name} (usually {@code ANTHROPIC_API_KEY}). */
    public Builder apiKeyFromEnv(String name) {
      this.apiKey = ApiKey.fromEnv(name);
      return this;
    }

    /** The {@code anthropic-version} header (default {@value AnthropicClient#API_VERSION}). */
    public Builder version(String version) {
      this.version = version;
      return this;
    }

    /** One more header on every request ({@code anthropic-beta}, say). */
    public Builder header(String name, String value) {
      extraHeaders.put(name, value);
      return this;
    }

    /** {@code max_tokens} for requests that set none (the API requires it; default 1024). */
    public Builder defaultMaxTokens(int tokens) {
      this.defaultMaxTokens = tokens;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public Builder rateGovernor(RateGovernor governor) {
      this.governor = governor;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public AnthropicClient build() {
      return new AnthropicClient(this);
    }
  }
}
