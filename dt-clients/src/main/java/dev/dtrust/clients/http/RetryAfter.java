package dev.dtrust.clients.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The minimum wait a server asks for before the next attempt, read from its headers: {@code
 * Retry-After} (delta seconds or an HTTP date), OpenAI's {@code retry-after-ms} and {@code
 * x-ratelimit-reset-*} (Go-style durations such as {@code 6m0s}, {@code 59.2ms}), and Anthropic's
 * {@code anthropic-ratelimit-*-reset} (RFC 3339 instants). {@code Retry-After} wins when present; the
 * reset headers are read only for rate limits (a 429), and then the longest reset of an exhausted
 * limit is the wait.
 */
public final class RetryAfter {
  private static final Pattern GO_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");
  private static final String[] OPENAI_LIMITS = {"requests", "tokens"};
  private static final String[] ANTHROPIC_LIMITS = {"requests", "tokens", "input-tokens", "output-tokens"};

  private RetryAfter() {}

  /** The wait the headers ask for, or {@code null} when they ask for none. */
  public static @Nullable Duration from(Headers headers, int status, Clock clock) {
    Duration d = retryAfterMs(headers.get("retry-after-ms"));
    if (d == null) {
      d = retryAfter(headers.get("Retry-After"), clock);
    }
    if (d != null || status != 429) {
      return d;
    }
    Duration longest = null;
    for (String limit : OPENAI_LIMITS) {
      longest = longer(longest, exhausted(headers, "x-ratelimit-remaining-" + limit)
          ? goDuration(headers.get("x-ratelimit-reset-" + limit)) : null);
    }
    for (String limit : ANTHROPIC_LIMITS) {
      String reset = headers.get("anthropic-ratelimit-" + limit + "-reset");
      longest = longer(longest, exhausted(headers, "anthropic-ratelimit-" + limit + "-remaining")
          ? untilInstant(reset, clock) : null);
    }
    return longest;
  }

  /** {@code Retry-After}: delta seconds or an HTTP date (RFC 9110 §10.2.3). */
  static @Nullable Duration retryAfter(@Nullable String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      double seconds = Double.parseDouble(v);
      return seconds < 0 ? null : Duration.ofMillis((long) Math.ceil(seconds * 1000));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT)).toInstant();
        return nonNegative(Duration.between(clock.instant(), at));
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  static @Nullable Duration retryAfterMs(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      double ms = Double.parseDouble(value.strip());
      return ms < 0 ? null : Duration.ofMillis((long) Math.ceil(ms));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** OpenAI's reset format: {@code 1s}, {@code 6m0s}, {@code 59.2ms}, {@code 1h2m3.5s}. */
  static @Nullable Duration goDuration(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Matcher m = GO_DURATION.matcher(value.strip());
    double millis = 0;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        return null;
      }
      end = m.end();
      double x = Double.parseDouble(m.group(1));
      millis += switch (m.group(2)) {
        case "h" -> x * 3_600_000;
        case "m" -> x * 60_000;
        case "s" -> x * 1000;
        default -> x;
      };
    }
    return end == value.strip().length() && end > 0 ? Duration.ofMillis((long) Math.ceil(millis)) : null;
  }

  private static @Nullable Duration untilInstant(@Nullable String value, Clock clock) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return nonNegative(Duration.between(clock.instant(), OffsetDateTime.parse(value.strip()).toInstant()));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A limit counts as exhausted when its remaining header says 0 or is absent. */
  private static boolean exhausted(Headers headers, String remainingHeader) {
    String r = headers.get(remainingHeader);
    return r == null || r.strip().equals("0");
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }

  private static @Nullable Duration longer(@Nullable Duration a, @Nullable Duration b) {
    if (a == null) {
      return b;
    }
    return b == null || a.compareTo(b) >= 0 ? a : b;
  }
}
