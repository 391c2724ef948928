package dev.dtrust.clients.http;

import java.util.Objects;

/**
 * An API key. It is only ever written into a request header: {@link #toString()} hides it, and
 * {@link #redact(String)} removes it from any text (a provider message, an I/O error) before that
 * text reaches an exception, a log line, the cache or a report.
 */
public final class ApiKey {
  private static final String HIDDEN = "***";

  private final String value;

  private ApiKey(String value) {
    this.value = value;
  }

  /** A key given directly. */
  public static ApiKey of(String value) {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("the API key is empty");
    }
    return new ApiKey(value.strip());
  }

  /**
   * The key held by environment variable {@code name}.
   *
   * @throws IllegalArgumentException naming the variable (never its value) when it is unset or empty
   */
  public static ApiKey fromEnv(String name) {
    return fromEnv(name, System.getenv(name));
  }

  static ApiKey fromEnv(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("environment variable " + name + " is not set (it should hold the API key)");
    }
    return new ApiKey(value.strip());
  }

  /** The secret itself: for building a request header, and for nothing else. */
  public String secret() {
    return value;
  }

  /** {@code text} with every occurrence of the key replaced by {@code ***}. */
  public String redact(String text) {
    return text == null ? null : text.replace(value, HIDDEN);
  }

  @Override
  public String toString() {
    return "ApiKey[" + HIDDEN + "]";
  }
}
