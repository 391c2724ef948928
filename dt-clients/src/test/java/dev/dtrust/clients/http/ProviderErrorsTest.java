package dev.dtrust.clients.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.core.model.ModelException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class ProviderErrorsTest {
  static final ApiKey KEY = ApiKey.of("sk-secret-123456");

  static ModelException of(int status, String body) {
    return ProviderErrors.fromResponse("p", status, Headers.of(), body, KEY, Clock.systemUTC());
  }

  @Test
  void quotaAndSpendLimit429sArePermanent() {
    assertFalse(of(429, "{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\",\"code\":\"insufficient_quota\"}}").retryable());
    assertFalse(of(429, "{\"error\":{\"message\":\"Monthly spend limit reached\",\"type\":\"requests\"}}").retryable());
    assertFalse(of(429, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"You have reached your specified workspace API usage limits.\"}}").retryable());
    assertTrue(of(429, "{\"error\":{\"message\":\"Rate limit reached\",\"code\":\"rate_limit_exceeded\"}}").retryable());
  }

  @Test
  void nonJsonBodiesKeepTheirStartAndUnknownStatusesFollowTheirClass() {
    ModelException e = of(502, "<html><body>Bad Gateway</body></html>");
    assertTrue(e.retryable());
    assertTrue(e.getMessage().contains("Bad Gateway"), e.getMessage());
    assertTrue(of(599, "").retryable());
    assertFalse(of(418, "").retryable());
  }

  @Test
  void transportFailures() {
    assertTrue(ProviderErrors.fromIo("p", new SocketTimeoutException("timeout"), KEY).retryable());
    assertTrue(ProviderErrors.fromIo("p", new SocketException("Connection reset"), KEY).retryable());
    assertTrue(ProviderErrors.fromIo("p", new ConnectException("Failed to connect"), KEY).retryable());
    assertFalse(ProviderErrors.fromIo("p", new UnknownHostException("api.nowhere"), KEY).retryable());
    assertFalse(ProviderErrors.fromIo("p", new IOException("Canceled"), KEY).retryable());
  }

  @Test
  void theKeyIsRedactedEverywhere() {
    assertFalse(of(401, "{\"error\":{\"message\":\"bad key sk-secret-123456\"}}").getMessage().contains("sk-secret-123456"));
    ModelException io = ProviderErrors.fromIo("p", new IOException("while sending sk-secret-123456"), KEY);
    assertFalse(io.getMessage().contains("sk-secret-123456"));
    assertEquals(null, io.getCause(), "no cause that could carry the key");
  }
}
