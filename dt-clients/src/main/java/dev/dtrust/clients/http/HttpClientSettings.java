package dev.dtrust.clients.http;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What every HTTP provider client and scorer is configured with, as its {@link HttpClientBuilder}
 * collected it.
 *
 * @param baseUrl  the API root, without credentials
 * @param apiKey   the key, if the server wants one
 * @param headers  extra headers sent on every request (a gateway's routing or auth header)
 * @param timeout  the whole-call timeout
 * @param governor the rate limits shared with other clients of the endpoint
 * @param clock    what HTTP-date {@code Retry-After} values are read against
 */
public record HttpClientSettings(
    String baseUrl,
    @Nullable ApiKey apiKey,
    Map<String, String> headers,
    Duration timeout,
    RateGovernor governor,
    Clock clock) {

  public HttpClientSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(governor, "governor");
    Objects.requireNonNull(clock, "clock");
  }

  /**
   * The endpoint {@code path} below the base URL. Its requests carry the extra headers, the key in
   * {@code keyHeader}, and {@code providerHeaders} ({@code anthropic-version}, say), later ones
   * winning a clash.
   *
   * @param provider the name used in error messages ({@code openai}, {@code anthropic}, …)
   */
  public JsonEndpoint endpoint(String provider, String path, ApiKeyHeader keyHeader,
      Map<String, String> providerHeaders) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.putAll(keyHeader.headers(apiKey));
    h.putAll(providerHeaders);
    return new JsonEndpoint(baseUrl, JsonHttp.resolve(baseUrl, path), h,
        new JsonHttp(provider, timeout, apiKey, governor, clock));
  }

  /** The base URL and timeout only: extra headers may hold credentials too. */
  @Override
  public String toString() {
    return "HttpClientSettings[baseUrl=" + baseUrl + ", timeout=" + timeout + "]";
  }
}
