package dev.dtrust.clients.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;
import dev.dtrust.core.model.ModelException;

/**
 * The error taxonomy every HTTP client shares (issue 3, item 5).
 *
 * <ul>
 *   <li>Retryable: 408, 409, 429 rate limits, 500, 502, 503, 504, 529 overload (and any other
 *       5xx), connection resets, refusals and timeouts.
 *   <li>Permanent: 400, 401, 403, 404, 413, 422 (and any other 4xx), and quota or spend-limit 429s
 *       ({@code insufficient_quota}, a reached spend limit, a daily quota) — retrying those only
 *       burns time.
 * </ul>
 *
 * The message carries the provider's own words from its error body (OpenAI's, Anthropic's and
 * Google's shapes are read) with the API key redacted.
 */
public final class ProviderErrors {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<Integer> RETRYABLE = Set.of(408, 409, 429, 500, 502, 503, 504, 529);
  private static final Set<String> QUOTA_CODES =
      Set.of("insufficient_quota", "billing_hard_limit_reached", "billing_not_active", "access_terminated");
  private static final String[] QUOTA_WORDS = {
    "spend limit", "usage limit", "credit balance", "billing hard limit", "perday", "per day"
  };
  private static final int MAX_BODY = 1000;

  private ProviderErrors() {}

  /** The exception for an HTTP error response. */
  public static ModelException fromResponse(
      String provider, int status, Headers headers, String body, @Nullable ApiKey key, Clock clock) {
    ProviderError e = parse(body);
    boolean quota = status == 429 && e.isQuota();
    boolean retryable = !quota && (RETRYABLE.contains(status) || status >= 500);
    Duration wait = retryable ? RetryAfter.from(headers, status, clock) : null;
    if (retryable && wait == null) {
      wait = googleRetryDelay(e.raw());
    }
    StringBuilder m = new StringBuilder(provider).append(" HTTP ").append(status);
    if (quota) {
      m.append(" (quota or spend limit: not retried)");
    }
    if (e.kind() != null) {
      m.append(" ").append(e.kind());
    }
    m.append(": ").append(e.message);
    String message = key == null ? m.toString() : key.redact(m.toString());
    return new ModelException(message, retryable, wait, status, null);
  }

  /**
   * Whether a rate-limit message is really an exhausted quota or spend limit, for adapters that see
   * only a message (LangChain4j's {@code RateLimitException}).
   */
  public static boolean isQuotaMessage(String message) {
    return new ProviderError(null, null, message == null ? "" : message, "").isQuota();
  }

  /** Whether HTTP status {@code status} is worth retrying (a 429 is, unless it is a quota). */
  public static boolean retryableStatus(int status) {
    return RETRYABLE.contains(status) || status >= 500;
  }

  /** The exception for a transport failure (no HTTP response). */
  public static ModelException fromIo(String provider, IOException e, @Nullable ApiKey key) {
    String detail = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    if (key != null) {
      detail = key.redact(detail);
    }
    if ("Canceled".equals(e.getMessage())) {
      return new ModelException(provider + " call cancelled", false, null, 0, null);
    }
    // a name that does not resolve is a configuration error, not a blip
    boolean retryable = !(e instanceof UnknownHostException);
    String what = e instanceof InterruptedIOException ? "timed out" : "connection failed";
    // the cause is dropped on purpose: its message may hold request details
    return new ModelException(provider + " " + what + ": " + detail, retryable, null, 0, null);
  }

  /** The provider's error code and message, from any of the shapes the providers use. */
  static ProviderError parse(String body) {
    String raw = body == null ? "" : body.strip();
    try {
      JsonNode root = JSON.readTree(raw);
      if (root != null && root.isObject()) {
        JsonNode err = root.path("error");
        if (err.isTextual()) {
          return new ProviderError(null, null, err.asText(), raw);
        }
        if (err.isObject()) {
          String type = text(err, "type");
          if (type == null) {
            type = text(err, "status"); // Google: RESOURCE_EXHAUSTED, INVALID_ARGUMENT, …
          }
          String code = err.path("code").isTextual() ? err.path("code").asText() : null;
          String message = text(err, "message");
          return new ProviderError(type, code, message == null ? truncate(raw) : message, raw);
        }
        String message = text(root, "message");
        if (message != null) {
          return new ProviderError(text(root, "type"), null, message, raw);
        }
      }
    } catch (IOException notJson) {
      // an HTML error page from a proxy, say: keep its start
    }
    return new ProviderError(null, null, raw.isEmpty() ? "(empty body)" : truncate(raw), raw);
  }

  /** Google's {@code RetryInfo} detail: {@code {"@type": "…RetryInfo", "retryDelay": "17s"}}. */
  static @Nullable Duration googleRetryDelay(String raw) {
    try {
      JsonNode details = JSON.readTree(raw).path("error").path("details");
      for (JsonNode d : details) {
        if (d.path("@type").asText().endsWith("RetryInfo") && d.hasNonNull("retryDelay")) {
          return RetryAfter.goDuration(d.get("retryDelay").asText());
        }
      }
    } catch (IOException | RuntimeException notJson) {
      // no detail to read
    }
    return null;
  }

  private static @Nullable String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String truncate(String s) {
    return s.length() <= MAX_BODY ? s : s.substring(0, MAX_BODY) + "…";
  }

  /** An error body, parsed. */
  record ProviderError(@Nullable String type, @Nullable String code, String message, String raw) {
    @Nullable String kind() {
      return code != null ? code : type;
    }

    boolean isQuota() {
      if ((code != null && QUOTA_CODES.contains(code)) || (type != null && QUOTA_CODES.contains(type))) {
        return true;
      }
      String lower = (message + " " + raw).toLowerCase(Locale.ROOT);
      for (String c : QUOTA_CODES) {
        if (lower.contains(c)) {
          return true;
        }
      }
      for (String w : QUOTA_WORDS) {
        if (lower.contains(w)) {
          return true;
        }
      }
      return false;
    }
  }
}
