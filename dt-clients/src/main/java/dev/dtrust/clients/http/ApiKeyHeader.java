package dev.dtrust.clients.http;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The request header a provider expects the API key in, e.g. {@code Authorization: Bearer <key>}.
 *
 * @param name   the header's name
 * @param prefix what stands before the key in its value ({@code "Bearer "}, or nothing)
 */
public record ApiKeyHeader(String name, String prefix) {
  /** {@code Authorization: Bearer <key>} (OpenAI and OpenAI-compatible servers). */
  public static final ApiKeyHeader BEARER = new ApiKeyHeader("Authorization", "Bearer ");
  /** {@code x-goog-api-key: <key>} (Google's APIs; kept out of the URL so it cannot reach a log line). */
  public static final ApiKeyHeader GOOGLE = new ApiKeyHeader("x-goog-api-key", "");

  /** The header carrying {@code key}; none when there is no key (a local server). */
  public Map<String, String> headers(@Nullable ApiKey key) {
    return key == null ? Map.of() : Map.of(name, prefix + key.secret());
  }
}
