package dev.dtrust.spark;

import dev.dtrust.core.model.ModelClient;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * What a Spark task needs to build its own {@link ModelClient}: a model spec and non-secret
 * options. It is serialized into every task, so it must never hold a secret: an option whose name
 * looks like one ({@code apiKey}, {@code token}, {@code password}, {@code secret}, …) is refused, and
 * providers read keys from the executor's environment, named by an option such as {@code
 * apiKeyEnv=OPENAI_API_KEY}.
 */
public final class ModelClientFactory implements Serializable {
  private static final long serialVersionUID = 1L;
  /** A name ending like these holds a secret ({@code apiKey}, {@code accessToken}); {@code tokensPerMinute} does not. */
  private static final List<String> SECRET_ENDINGS = List.of("key", "token", "password", "secret", "credentials");

  /** The option holding one client's requests-per-minute limit (0: none). */
  public static final String REQUESTS_PER_MINUTE = "requestsPerMinute";
  /** The option holding one client's tokens-per-minute limit (0: none). */
  public static final String TOKENS_PER_MINUTE = "tokensPerMinute";

  private final String spec;
  private final TreeMap<String, String> options;

  private ModelClientFactory(String spec, Map<String, String> options) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.options = new TreeMap<>(options);
    for (String name : this.options.keySet()) {
      String lower = name.toLowerCase(Locale.ROOT);
      boolean secret = SECRET_ENDINGS.stream().anyMatch(lower::endsWith) || lower.contains("secret") || lower.contains("password");
      if (!lower.endsWith("env") && secret) {
        throw new IllegalArgumentException("option '" + name + "' looks like a secret; a model client factory is "
            + "serialized into every Spark task, so pass the name of an environment variable instead (e.g. apiKeyEnv)");
      }
    }
  }

  /**
   * A factory for a spec.
   *
   * @param spec    the model spec, e.g. {@code sim} or {@code openai:gpt-4o-mini}
   * @param options non-secret options, e.g. {@code baseUrl}, {@code apiKeyEnv}
   */
  public static ModelClientFactory of(String spec, Map<String, String> options) {
    return new ModelClientFactory(spec, options);
  }

  /** The model spec. */
  public String spec() {
    return spec;
  }

  /** The options, sorted by name. */
  public Map<String, String> options() {
    return java.util.Collections.unmodifiableMap(options);
  }

  /**
   * This factory with a task's share of a cluster-wide rate limit as the options {@code
   * requestsPerMinute} and {@code tokensPerMinute}, which providers give the client's rate governor.
   */
  public ModelClientFactory withRateShare(RateShare share) {
    Map<String, String> o = new TreeMap<>(options);
    o.put(REQUESTS_PER_MINUTE, Integer.toString(share.requestsPerMinute()));
    o.put(TOKENS_PER_MINUTE, Long.toString(share.tokensPerMinute()));
    return new ModelClientFactory(spec, o);
  }

  /** Whether a provider on this class path builds clients for the spec. */
  public boolean hasProvider() {
    for (ModelClientProvider p : ServiceLoader.load(ModelClientProvider.class, ModelClientFactory.class.getClassLoader())) {
      if (p.supports(spec)) {
        return true;
      }
    }
    return false;
  }

  /** Builds a client with the process environment (on an executor: the executor's). */
  public ModelClient create() {
    return create(ModelClientProvider.Environment.system());
  }

  /** Builds a client with the given environment. */
  public ModelClient create(ModelClientProvider.Environment env) {
    for (ModelClientProvider p : ServiceLoader.load(ModelClientProvider.class, ModelClientFactory.class.getClassLoader())) {
      if (p.supports(spec)) {
        return p.create(spec, options(), env);
      }
    }
    throw new IllegalArgumentException("no ModelClientProvider on the executor's class path supports the model spec '"
        + spec + "'");
  }

  @Override
  public String toString() {
    return "ModelClientFactory[" + spec + ", " + options + "]";
  }
}
