package dev.dtrust.clients.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.ToLongFunction;
import okhttp3.HttpUrl;

/**
 * One provider URL that JSON is posted to, with the headers every request carries: the single path
 * by which the model clients and HTTP scorers call out. Each {@link #post} is one HTTP request,
 * rate-governed, counted, and failing with a classified, key-redacted {@code ModelException} (see
 * {@link JsonHttp}). Made by {@link HttpClientSettings#endpoint}.
 */
public final class JsonEndpoint implements AutoCloseable {
  private final String baseUrl;
  private final HttpUrl url;
  private final Map<String, String> headers;
  private final JsonHttp http;

  JsonEndpoint(String baseUrl, HttpUrl url, Map<String, String> headers, JsonHttp http) {
    this.baseUrl = baseUrl;
    this.url = url;
    this.headers = Map.copyOf(headers);
    this.http = http;
  }

  /**
   * One POST of {@code body}.
   *
   * @param estimatedTokens what the rate governor books before the call
   * @param tokensUsed      reads the tokens the provider reports from the answer
   * @param handle          cancels the call when the caller gives up
   */
  public JsonNode post(ObjectNode body, long estimatedTokens, ToLongFunction<JsonNode> tokensUsed, CallHandle handle) {
    return http.post(url, headers, body, estimatedTokens, tokensUsed, handle);
  }

  /** HTTP requests sent so far. */
  public long calls() {
    return http.calls();
  }

  /** The API root as configured, without credentials. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The URL posted to. */
  public HttpUrl url() {
    return url;
  }

  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    return "JsonEndpoint[" + url + "]";
  }
}
