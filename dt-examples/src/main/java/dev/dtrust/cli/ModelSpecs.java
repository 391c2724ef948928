package dev.dtrust.cli;

import dev.dtrust.clients.anthropic.AnthropicClient;
import dev.dtrust.clients.gemini.GeminiClient;
import dev.dtrust.clients.http.ApiKey;
import dev.dtrust.clients.http.HttpClientBuilder;
import dev.dtrust.clients.http.RateGovernor;
import dev.dtrust.clients.openai.OpenAiChatClient;
import dev.dtrust.clients.replay.ReplayClient;
import dev.dtrust.clients.sim.SimulatedModel;
import dev.dtrust.core.model.ModelClient;
import dev.dtrust.core.perspective.Perspective;
import dev.dtrust.core.report.ModelInfo;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@code --model} spec into a client: {@code openai:<model>}, {@code anthropic:<model>},
 * {@code gemini:<model>}, {@code replay:<dir>}, {@code sim}. Keys are read from the environment
 * only ({@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY}, {@code GEMINI_API_KEY}, or the variable
 * {@code --api-key-env} names), never from an argument, so they stay out of shell history and
 * process listings.
 */
final class ModelSpecs {
  private ModelSpecs() {}

  /** A client and how the report describes it. */
  record Opened(ModelClient client, ModelInfo info) {}

  /** Connection options of the HTTP model specs. */
  record Connection(@Nullable String baseUrl, @Nullable String apiKeyEnv, int requestsPerMinute, long tokensPerMinute,
      boolean noN, java.time.@Nullable Duration timeout) {
    static final Connection NONE = new Connection(null, null, 0, 0, false, null);

    Connection(@Nullable String baseUrl, @Nullable String apiKeyEnv, int requestsPerMinute, long tokensPerMinute, boolean noN) {
      this(baseUrl, apiKeyEnv, requestsPerMinute, tokensPerMinute, noN, null);
    }
  }

  static Opened open(String spec, List<Perspective> perspectives) {
    return open(spec, perspectives, Connection.NONE, System::getenv);
  }

  static Opened open(String spec, List<Perspective> perspectives, Connection c, Function<String, String> env) {
    if (spec.equals("sim")) {
      return new Opened(new SimulatedModel(), new ModelInfo("sim", "sim", null, Map.of()));
    }
    if (spec.startsWith("replay:")) {
      Path dir = Path.of(spec.substring("replay:".length()));
      ReplayClient c0 = ReplayClient.open(dir, perspectives);
      return new Opened(c0, new ModelInfo("replay", "replay", null, Map.of("generations", dir.toString())));
    }
    int colon = spec.indexOf(':');
    String kind = colon < 0 ? spec : spec.substring(0, colon);
    String model = colon < 0 ? "" : spec.substring(colon + 1);
    if (List.of("openai", "anthropic", "gemini").contains(kind) && model.isBlank()) {
      throw new IllegalArgumentException("--model: " + kind + ":<model> needs a model name, e.g. " + kind + ":"
          + switch (kind) { case "openai" -> "gpt-4o-mini"; case "anthropic" -> "claude-sonnet-4-5"; default -> "gemini-2.5-flash"; });
    }
    RateGovernor governor = c.requestsPerMinute() > 0 || c.tokensPerMinute() > 0
        ? RateGovernor.perMinute(c.requestsPerMinute(), c.tokensPerMinute()) : RateGovernor.UNLIMITED;
    Map<String, Object> params = new LinkedHashMap<>();
    if (governor.limits()) {
      params.put("requestsPerMinute", c.requestsPerMinute());
      params.put("tokensPerMinute", c.tokensPerMinute());
    }
    switch (kind) {
      case "openai" -> {
        OpenAiChatClient client = connect(OpenAiChatClient.builder(model).multipleChoices(!c.noN()), c, env, governor,
            "OPENAI_API_KEY").build();
        return new Opened(client, new ModelInfo(model, "openai", client.baseUrl(), params));
      }
      case "anthropic" -> {
        AnthropicClient client = connect(AnthropicClient.builder(model), c, env, governor, "ANTHROPIC_API_KEY").build();
        return new Opened(client, new ModelInfo(model, "anthropic", client.baseUrl(), params));
      }
      case "gemini" -> {
        GeminiClient client = connect(GeminiClient.builder(model), c, env, governor, "GEMINI_API_KEY").build();
        return new Opened(client, new ModelInfo(model, "gemini", client.baseUrl(), params));
      }
      default -> throw new IllegalArgumentException("--model: unknown model spec '" + kind
          + "'; use openai:<model>, anthropic:<model>, gemini:<model>, replay:<generations dir> or sim");
    }
  }

  /** Applies the connection options every HTTP provider shares: base URL, key, timeout, rate limit. */
  private static <B extends HttpClientBuilder<B>> B connect(B b, Connection c, Function<String, String> env,
      RateGovernor governor, String defaultKeyVariable) {
    b.rateGovernor(governor);
    if (c.baseUrl() != null) {
      b.baseUrl(c.baseUrl());
    }
    // a local server (vLLM, Ollama, llama.cpp) needs no key: only the provider's own endpoint insists
    ApiKey key = key(env, c.apiKeyEnv(), defaultKeyVariable, c.baseUrl() == null);
    if (key != null) {
      b.apiKey(key);
    }
    if (c.timeout() != null) {
      b.timeout(c.timeout());
    }
    return b;
  }

  /**
   * The key from {@code --api-key-env NAME} (which must be set) or the provider's default variable
   * (which must be set when {@code required}).
   */
  private static @Nullable ApiKey key(Function<String, String> env, @Nullable String named, String defaultName,
      boolean required) {
    String name = named != null ? named : defaultName;
    String value = env.apply(name);
    if (value == null || value.isBlank()) {
      if (named != null || required) {
        throw new IllegalArgumentException("--model: environment variable " + name + " is not set (it should hold the API key"
            + (named == null ? "; or name another variable with --api-key-env" : "") + ")");
      }
      return null;
    }
    return ApiKey.of(value);
  }
}
