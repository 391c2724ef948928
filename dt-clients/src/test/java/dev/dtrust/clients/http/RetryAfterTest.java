package dev.dtrust.clients.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  static final Clock NOW = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void deltaSeconds() {
    assertEquals(Duration.ofSeconds(30), RetryAfter.from(Headers.of("Retry-After", "30"), 503, NOW));
    assertEquals(Duration.ZERO, RetryAfter.from(Headers.of("Retry-After", "0"), 429, NOW));
  }

  @Test
  void httpDate() {
    assertEquals(Duration.ofSeconds(90),
        RetryAfter.from(Headers.of("Retry-After", "Fri, 27 Nov 2026 12:01:30 GMT"), 429, NOW));
    assertEquals(Duration.ZERO, RetryAfter.from(Headers.of("Retry-After", "Fri, 27 Nov 2026 11:00:00 GMT"), 429, NOW),
        "a date in the past means now");
  }

  @Test
  void garbageIsIgnored() {
    assertNull(RetryAfter.from(Headers.of("Retry-After", "soon"), 503, NOW));
  }

  @Test
  void retryAfterMsWins() {
    assertEquals(Duration.ofMillis(1250), RetryAfter.from(Headers.of("retry-after-ms", "1250", "Retry-After", "2"), 429, NOW));
  }

  @Test
  void openAiGoDurations() {
    assertEquals(Duration.ofMillis(360_000), RetryAfter.goDuration("6m0s"));
    assertEquals(Duration.ofMillis(60), RetryAfter.goDuration("59.2ms"));
    assertEquals(Duration.ofMillis(3_723_500), RetryAfter.goDuration("1h2m3.5s"));
    assertNull(RetryAfter.goDuration("6 minutes"));
  }

  @Test
  void resetHeadersOnlyForRateLimitsAndOnlyOfExhaustedLimits() {
    Headers h = Headers.of("x-ratelimit-remaining-requests", "5", "x-ratelimit-reset-requests", "10s",
        "x-ratelimit-remaining-tokens", "0", "x-ratelimit-reset-tokens", "2s");
    assertEquals(Duration.ofSeconds(2), RetryAfter.from(h, 429, NOW));
    assertNull(RetryAfter.from(h, 503, NOW));
  }

  @Test
  void anthropicResetInstants() {
    Headers h = Headers.of("anthropic-ratelimit-requests-remaining", "0",
        "anthropic-ratelimit-requests-reset", "2026-11-27T12:00:12Z");
    assertEquals(Duration.ofSeconds(12), RetryAfter.from(h, 429, NOW));
  }
}
