package dev.dtrust.clients.gemini;

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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

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
public final class GeminiClient implements ModelClient {
  public static final String GEMINI_BASE_URL = "https://generativelanguage.googleapis.com";
  private static final Set<String> BLOCKED =
      Set.of("SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "RECITATION", "IMAGE_SAFETY");

  private final String model;
  private final String baseUrl;
  private final HttpUrl url;
  private final Map<String, String> headers;
  private final JsonHttp http;

  private GeminiClient(Builder b) {
    this.model = b.model;
    this.baseUrl = b.baseUrl;
    this.url = JsonHttp.resolve(b.baseUrl, b.apiVersion + "/models/" + b.model + ":generateContent");
    Map<String, String> h = new LinkedHashMap<>(b.extraHeaders);
    if (b.apiKey != null) {
      h.put("x-goog-api-key", b.apiKey.secret());
    }
    this.headers = Map.copyOf(h);
    this.http = new JsonHttp("gemini", b.timeout, b.apiKey, b.governor, b.clock);
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
    List<String> mapping = new ArrayList<>();
    ObjectNode body = body(request, mapping);
    long chars = request.messages().stream().mapToLong(m -> m.content().length()).sum();
    long estimate = chars / 4 + (request.maxTokens() == null ? 256 : request.maxTokens());
    List<Choice> choices = new ArrayList<>();
    Usage usage = Usage.NONE;
    Map<String, String> meta = new LinkedHashMap<>();
    for (int s = 0; s < request.samples(); s++) {
      JsonNode json = http.post(url, headers, body, estimate, GeminiClient::totalTokens, handle);
      choices.add(choice(json, meta));
      JsonNode u = json.path("usageMetadata");
      usage = usage.plus(new Usage(u.path("promptTokenCount").asLong(0),
          u.path("candidatesTokenCount").asLong(0) + u.path("thoughtsTokenCount").asLong(0)));
      if (json.hasNonNull("modelVersion")) {
        meta.put("model", json.get("modelVersion").asText());
      }
    }
    if (!mapping.isEmpty()) {
      meta.put("role_mapping", String.join(";", mapping));
    }
    return new ChatResponse(choices, usage, meta);
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

  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    return "GeminiClient[model=" + model + ", baseUrl=" + baseUrl + "]";
  }

  /** Options of a {@link GeminiClient}. */
  public static final class Builder {
    private final String model;
    private String baseUrl = GEMINI_BASE_URL;
    private String apiVersion = "v1beta";
    private @Nullable ApiKey apiKey;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();
    private Duration timeout = Duration.ofMinutes(10);
    private RateGovernor governor = RateGovernor.UNLIMITED;
    private Clock clock = Clock.systemUTC();

    private Builder(String model) {
      this.model = Objects.requireNonNull(model, "model");
    }

    public Builder baseUrl(String baseUrl) {
      JsonHttp.resolve(baseUrl, "v1beta");
      this.baseUrl = baseUrl;
      return this;
    }

    /** {@code v1beta} (default) or {@code v1}. */
    public Builder apiVersion(String apiVersion) {
      this.apiVersion = apiVersion;
      return this;
    }

    public Builder apiKey(ApiKey key) {
      this.apiKey = key;
      return this;
    }

    /** The key, read now from environment variable {@code name} (usually {@code GEMINI_API_KEY}). */
    public Builder apiKeyFromEnv(String name) {
      this.apiKey = ApiKey.fromEnv(name);
      return this;
    }

    public Builder header(String name, String value) {
      extraHeaders.put(name, value);
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

    public GeminiClient build() {
      return new GeminiClient(this);
    }
  }
}
