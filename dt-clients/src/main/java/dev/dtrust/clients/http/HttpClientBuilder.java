package dev.dtrust.clients.http;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The options every HTTP provider's builder shares — base URL, API key, extra headers, timeout,
 * rate governor, clock — so that each provider's builder holds only its own. A builder type, not a
 * behaviour: {@code B} is the provider's builder, so that calls chain into its own options.
 *
 * @param <B> the provider's builder
 */
public abstract class HttpClientBuilder<B extends HttpClientBuilder<B>> {
  private final String pathChecked;
  private String baseUrl;
  private @Nullable ApiKey apiKey;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private Duration timeout;
  private RateGovernor governor = RateGovernor.UNLIMITED;
  private Clock clock = Clock.systemUTC();

  /**
   * @param defaultBaseUrl the provider's own API root
   * @param pathChecked    a path {@link #baseUrl(String)} must resolve against, to fail early
   * @param defaultTimeout the whole-call timeout unless {@link #timeout(Duration)} says otherwise
   */
  protected HttpClientBuilder(String defaultBaseUrl, String pathChecked, Duration defaultTimeout) {
    this.baseUrl = Objects.requireNonNull(defaultBaseUrl, "defaultBaseUrl");
    this.pathChecked = pathChecked;
    this.timeout = Objects.requireNonNull(defaultTimeout, "defaultTimeout");
  }

  /**
   * The API root (a local or gateway URL, say); the provider's builder documents its default and
   * what is appended to it.
   *
   * @throws IllegalArgumentException when it is not an http(s) URL
   */
  public B baseUrl(String baseUrl) {
    JsonHttp.resolve(baseUrl, pathChecked);
    this.baseUrl = baseUrl;
    return self();
  }

  /** The API key (local servers need none). */
  public B apiKey(ApiKey key) {
    this.apiKey = key;
    return self();
  }

  /**
   * The API key, read now from environment variable {@code name}.
   *
   * @throws IllegalArgumentException naming the variable (never its value) when it is unset or empty
   */
  public B apiKeyFromEnv(String name) {
    this.apiKey = ApiKey.fromEnv(name);
    return self();
  }

  /** One more header on every request (a gateway's routing or auth header, {@code anthropic-beta}, …). */
  public B header(String name, String value) {
    headers.put(name, value);
    return self();
  }

  /** The whole-call timeout (a local model on a CPU is slow). */
  public B timeout(Duration timeout) {
    this.timeout = timeout;
    return self();
  }

  /** Rate limits shared with other clients of the same endpoint or account. */
  public B rateGovernor(RateGovernor governor) {
    this.governor = governor;
    return self();
  }

  /** The clock that HTTP-date {@code Retry-After} values are read against. */
  public B clock(Clock clock) {
    this.clock = clock;
    return self();
  }

  /** What has been configured so far. */
  protected final HttpClientSettings settings() {
    return new HttpClientSettings(baseUrl, apiKey, headers, timeout, governor, clock);
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
