package dev.dtrust.clients.openai;

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
import dev.dtrust.core.model.ModelException;
import dev.dtrust.core.model.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
public final class OpenAiChatClient extends HttpModelClient {
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

  private volatile TokenLimitField tokenLimitField;
  private volatile boolean serverIgnoresN;

  private OpenAiChatClient(Builder b, HttpClientSettings settings) {
    super(b.model, b.multipleChoices,
        settings.endpoint("openai", "chat/completions", ApiKeyHeader.BEARER, b.openAiHeaders()));
    this.tokenLimitField = b.tokenLimitField;
  }

  /** A builder for {@code model}. */
  public static Builder builder(String model) {
    return new Builder(model);
  }

  @Override
  protected ChatResponse chat(ChatRequest request, CallHandle handle) {
    int n = request.samples();
    if (n == 1 || (supportsMultipleChoices() && !serverIgnoresN)) {
      ChatResponse first = call(request, n, handle);
      if (first.choices().size() >= n) {
        return first;
      }
      // the server ignored n: make up the missing samples one call at a time
      serverIgnoresN = true;
      return fillUp(request, n, new EmulatedSamples().add(first), handle);
    }
    return fillUp(request, n, new EmulatedSamples(), handle);
  }

  private ChatResponse fillUp(ChatRequest request, int n, EmulatedSamples samples, CallHandle handle) {
    while (samples.size() < n) {
      ChatResponse one = call(request, 1, handle);
      if (one.choices().isEmpty()) {
        throw new ModelException("openai: the server returned no choice", true, null, 200, null);
      }
      samples.add(one.choices().subList(0, 1), one.usage(), one.metadata());
    }
    return samples.response(Map.of("n_emulated", "true"));
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
    return endpoint().post(body, estimate, OpenAiChatClient::totalTokens, handle);
  }

  /** The request body; package-visible so tests can compare it with OpenAI's documentation. */
  ObjectNode body(ChatRequest request, int n, TokenLimitField field) {
    ObjectNode b = JsonHttp.JSON.createObjectNode();
    b.put("model", modelId());
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

  /**
   * Options of an {@link OpenAiChatClient}. The base URL is the API root up to and including {@code
   * /v1} (default {@value OpenAiChatClient#OPENAI_BASE_URL}; {@code http://localhost:8000/v1} for
   * vLLM, say), {@code chat/completions} is appended; the key goes in {@code Authorization:
   * Bearer}; the default timeout is 10 minutes.
   */
  public static final class Builder extends HttpClientBuilder<Builder> {
    private final String model;
    private @Nullable String organization;
    private @Nullable String project;
    private boolean multipleChoices = true;
    private TokenLimitField tokenLimitField = TokenLimitField.MAX_TOKENS;

    private Builder(String model) {
      super(OPENAI_BASE_URL, "chat/completions", Duration.ofMinutes(10));
      this.model = Objects.requireNonNull(model, "model");
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

    private Map<String, String> openAiHeaders() {
      Map<String, String> h = new LinkedHashMap<>();
      if (organization != null) {
        h.put("OpenAI-Organization", organization);
      }
      if (project != null) {
        h.put("OpenAI-Project", project);
      }
      return h;
    }

    public OpenAiChatClient build() {
      return new OpenAiChatClient(this, settings());
    }
  }
}
