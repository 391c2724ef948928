package dev.dtrust.clients.openai;

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
import dev.dtrust.core.model.ModelException;
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
 * OpenAI-compatible chat completions ({@code POST <baseUrl>/chat/completions}): OpenAI itself,
 * vLLM, Ollama, llama.cpp server, LM Studio, Together, Groq.
 *
 * <p>Every sampling parameter is sent explicitly — absent ones with OpenAI's documented defaults
 * (temperature 1, top_p 1, n 1, penalties 0) — because servers such as vLLM otherwise apply the
 * model's own generation defaults and the run would not measure what the request says. When a
 * server returns fewer choices than {@code n}, the client makes up the rest with separate calls
 * and from then on sends n single calls. Models that refuse {@code max_tokens} (OpenAI's reasoning
 * models) get {@code max_completion_tokens}, configured or switched to after the server says so.
 */
public final class OpenAiChatClient implements ModelClient {
  /** OpenAI's own endpoint. */
  public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";

  /** The request field that carries the token limit. */
  public enum TokenLimitField {
    MAX_TOKENS("max_tokens"),
    MAX_COMPLETION_TOKENS("max_completion_tokens");

    final String json;

    TokenLimitField(String json) {
      this.json = json;
    }
  }

  private final String model;
  private final String baseUrl;
  private final HttpUrl url;
  private final Map<String, String> headers;
  private final JsonHttp http;
  private final boolean multipleChoices;
  private volatile TokenLimitField tokenLimitField;
  private volatile boolean serverIgnoresN;

  private OpenAiChatClient(Builder b) {
    this.model = Objects.requireNonNull(b.model, "model");
    this.baseUrl = b.baseUrl;
    this.url = JsonHttp.resolve(b.baseUrl, "chat/completions");
    Map<String, String> h = new LinkedHashMap<>(b.extraHeaders);
    if (b.apiKey != null) {
      h.put("Authorization", "Bearer " + b.apiKey.secret());
    }
    if (b.organization != null) {
      h.put("OpenAI-Organization", b.organization);
    }
    if (b.project != null) {
      h.put("OpenAI-Project", b.project);
    }
    this.headers = Map.copyOf(h);
    this.http = new JsonHttp("openai", b.timeout, b.apiKey, b.governor, b.clock);
    this.multipleChoices = b.multipleChoices;
    this.tokenLimitField = b.tokenLimitField;
  }

  /** A builder for {@code model}. */
  public static Builder builder(String model) {
    return new Builder(model);
  }

  @Override
  public String modelId() {
    return model;
  }

  /** The endpoint, without credentials. */
  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public boolean supportsMultipleChoices() {
    return multipleChoices;
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
    int n = request.samples();
    if (n == 1 || (multipleChoices && !serverIgnoresN)) {
      ChatResponse first = call(request, n, handle);
      if (first.choices().size() >= n) {
        return first;
      }
      // the server ignored n: make up the missing samples one call at a time
      serverIgnoresN = true;
      return fillUp(request, n, new ArrayList<>(first.choices()), first.usage(), first.metadata(), handle);
    }
    return fillUp(request, n, new ArrayList<>(), Usage.NONE, Map.of(), handle);
  }

  private ChatResponse fillUp(ChatRequest request, int n, List<Choice> choices, Usage usage,
      Map<String, String> metadata, CallHandle handle) {
    Map<String, String> meta = new LinkedHashMap<>(metadata);
    while (choices.size() < n) {
      ChatResponse one = call(request, 1, handle);
      if (one.choices().isEmpty()) {
        throw new ModelException("openai: the server returned no choice", true, null, 200, null);
      }
      choices.add(one.choices().get(0));
      usage = usage.plus(one.usage());
      meta.putAll(one.metadata());
    }
    meta.put("n_emulated", "true");
    return new ChatResponse(choices, usage, meta);
  }

  private ChatResponse call(ChatRequest request, int n, CallHandle handle) {
    TokenLimitField field = tokenLimitField;
    try {
      return parse(post(body(request, n, field), request, n, handle));
    } catch (ModelException e) {
      if (field == TokenLimitField.MAX_TOKENS && request.maxTokens() != null && e.status() == 400
          && e.getMessage() != null && e.getMessage().contains("max_completion_tokens")) {
        // "Unsupported parameter: 'max_tokens' … Use 'max_completion_tokens' instead."
        tokenLimitField = TokenLimitField.MAX_COMPLETION_TOKENS;
        return parse(post(body(request, n, TokenLimitField.MAX_COMPLETION_TOKENS), request, n, handle));
      }
      throw e;
    }
  }

  private JsonNode post(ObjectNode body, ChatRequest request, int n, CallHandle handle) {
    long estimate = promptChars(request) / 4 + (long) n * (request.maxTokens() == null ? 256 : request.maxTokens());
    return http.post(url, headers, body, estimate, OpenAiChatClient::totalTokens, handle);
  }

  /** The request body; package-visible so tests can compare it with OpenAI's documentation. */
  ObjectNode body(ChatRequest request, int n, TokenLimitField field) {
    ObjectNode b = JsonHttp.JSON.createObjectNode();
    b.put("model", model);
    ArrayNode messages = b.putArray("messages");
    for (ChatMessage m : request.messages()) {
      ObjectNode o = messages.addObject();
      o.put("role", m.role());
      o.put("content", m.content());
      if (m.name() != null) {
        o.put("name", m.name());
      }
    }
    b.put("temperature", request.temperature() == null ? 1.0 : request.temperature());
    b.put("top_p", request.topP() == null ? 1.0 : request.topP());
    b.put("n", n);
    b.put("presence_penalty", 0.0);
    b.put("frequency_penalty", 0.0);
    if (request.maxTokens() != null) {
      b.put(field.json, request.maxTokens());
    }
    if (request.stop() != null && !request.stop().isEmpty()) {
      ArrayNode stop = b.putArray("stop");
      request.stop().forEach(stop::add);
    }
    if (request.seed() != null) {
      b.put("seed", request.seed());
    }
    b.put("stream", false);
    return b;
  }

  static ChatResponse parse(JsonNode json) {
    JsonNode choicesNode = json.path("choices");
    List<JsonNode> sorted = new ArrayList<>();
    choicesNode.forEach(sorted::add);
    sorted.sort((a, c) -> Integer.compare(a.path("index").asInt(0), c.path("index").asInt(0)));
    List<Choice> choices = new ArrayList<>();
    for (JsonNode c : sorted) {
      JsonNode message = c.path("message");
      String finish = c.hasNonNull("finish_reason") ? c.get("finish_reason").asText() : null;
      String text;
      if (message.hasNonNull("content")) {
        text = message.get("content").asText();
      } else if (message.hasNonNull("refusal")) {
        text = message.get("refusal").asText();
      } else {
        text = "";
      }
      choices.add(new Choice(text, finish));
    }
    JsonNode u = json.path("usage");
    Usage usage = new Usage(u.path("prompt_tokens").asLong(0), u.path("completion_tokens").asLong(0));
    Map<String, String> meta = new LinkedHashMap<>();
    if (json.hasNonNull("system_fingerprint")) {
      meta.put("system_fingerprint", json.get("system_fingerprint").asText());
    }
    if (json.hasNonNull("model")) {
      meta.put("model", json.get("model").asText());
    }
    return new ChatResponse(choices, usage, meta);
  }

  private static long totalTokens(JsonNode json) {
    JsonNode u = json.path("usage");
    return u.path("prompt_tokens").asLong(0) + u.path("completion_tokens").asLong(0);
  }

  private static long promptChars(ChatRequest r) {
    return r.messages().stream().mapToLong(m -> m.content().length()).sum();
  }

  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    return "OpenAiChatClient[model=" + model + ", baseUrl=" + baseUrl + "]";
  }

  /** Options of an {@link OpenAiChatClient}. */
  public static final class Builder {
    private final String model;
    private String baseUrl = OPENAI_BASE_URL;
    private @Nullable ApiKey apiKey;
    private @Nullable String organization;
    private @Nullable String project;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();
    private Duration timeout = Duration.ofMinutes(10);
    private RateGovernor governor = RateGovernor.UNLIMITED;
    private boolean multipleChoices = true;
    private TokenLimitField tokenLimitField = TokenLimitField.MAX_TOKENS;
    private Clock clock = Clock.systemUTC();

    private Builder(String model) {
      this.model = Objects.requireNonNull(model, "model");
    }

    /** The API root, e.g. {@code http://localhost:8000/v1} (default: OpenAI's). */
    public Builder baseUrl(String baseUrl) {
      JsonHttp.resolve(baseUrl, "chat/completions");
      this.baseUrl = baseUrl;
      return this;
    }

    /** The API key (local servers need none). */
    public Builder apiKey(ApiKey key) {
      this.apiKey = key;
      return this;
    }

    /** The API key, read from environment variable {@code name} now. */
    public Builder apiKeyFromEnv(String name) {
      this.apiKey = ApiKey.fromEnv(name);
      return this;
    }

    /** The {@code OpenAI-Organization} header. */
    public Builder organization(String organization) {
      this.organization = organization;
      return this;
    }

    /** The {@code OpenAI-Project} header. */
    public Builder project(String project) {
      this.project = project;
      return this;
    }

    /** One more header on every request (a gateway's routing or auth header). */
    public Builder header(String name, String value) {
      extraHeaders.put(name, value);
      return this;
    }

    /** The whole-call timeout (default 10 minutes: a local model on a CPU is slow). */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** Rate limits shared with other clients of the same endpoint. */
    public Builder rateGovernor(RateGovernor governor) {
      this.governor = governor;
      return this;
    }

    /**
     * Whether the server honours {@code n} (default true). Set false for servers known to ignore
     * it: the engine then sends n single calls and caches each sample.
     */
    public Builder multipleChoices(boolean honoursN) {
      this.multipleChoices = honoursN;
      return this;
    }

    /** Which field carries the token limit (default {@code max_tokens}). */
    public Builder tokenLimitField(TokenLimitField field) {
      this.tokenLimitField = field;
      return this;
    }

    /** The clock that HTTP-date {@code Retry-After} values are read against. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public OpenAiChatClient build() {
      return new OpenAiChatClient(this);
    }
  }
}
