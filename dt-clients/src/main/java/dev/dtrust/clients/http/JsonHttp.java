package dev.dtrust.clients.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dtrust.core.model.ModelException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * POSTs a JSON body and returns the parsed JSON answer, for every HTTP client: counts each request
 * it sends ({@code run.httpCalls}), waits for the {@link RateGovernor}, and turns failures into
 * {@link ModelException}s through {@link ProviderErrors}. Retrying is the engine's job, not this
 * class's: one {@link #post} is exactly one HTTP request.
 */
public final class JsonHttp implements AutoCloseable {
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  /**
   * Connections kept per client pool, and calls per host: the engine's {@code maxInFlight} bounds
   * concurrency, so OkHttp must not. Its defaults (5 idle connections kept, 5 asynchronous calls
   * per host) would close and reopen connections at every wave of, say, 64 calls in flight.
   */
  public static final int MAX_CONNECTIONS = 256;

  /**
   * Shared so that connection pools and dispatcher threads are shared too. OkHttp's own silent
   * retries (of a 408, of a reset connection) are off: the engine retries, with backoff, and
   * every request it sends is counted.
   */
  private static final OkHttpClient BASE =
      new OkHttpClient.Builder()
          .retryOnConnectionFailure(false)
          .connectionPool(new ConnectionPool(MAX_CONNECTIONS, 5, TimeUnit.MINUTES))
          .dispatcher(dispatcher())
          .build();

  public static final ObjectMapper JSON = new ObjectMapper();

  private static Dispatcher dispatcher() {
    Dispatcher d = new Dispatcher();
    d.setMaxRequests(MAX_CONNECTIONS);
    d.setMaxRequestsPerHost(MAX_CONNECTIONS);
    return d;
  }

  private final String provider;
  private final OkHttpClient http;
  private final @Nullable ApiKey key;
  private final RateGovernor governor;
  private final Clock clock;
  private final AtomicLong calls = new AtomicLong();

  /**
   * @param provider  the name used in error messages ({@code openai}, {@code anthropic}, …)
   * @param timeout   the whole-call timeout (a slow local model may need minutes)
   * @param key       the key to redact from every message, if any
   * @param governor  the rate limits shared with other clients of the endpoint
   */
  public JsonHttp(String provider, Duration timeout, @Nullable ApiKey key, RateGovernor governor, Clock clock) {
    this.provider = provider;
    this.http = BASE.newBuilder().callTimeout(timeout).readTimeout(timeout).build();
    this.key = key;
    this.governor = governor;
    this.clock = clock;
  }

  /** HTTP requests sent so far. */
  public long calls() {
    return calls.get();
  }

  /**
   * One POST.
   *
   * @param estimatedTokens what the rate governor books before the call
   * @param tokensUsed      reads the tokens the provider reports from the answer
   */
  public JsonNode post(
      HttpUrl url,
      Map<String, String> headers,
      ObjectNode body,
      long estimatedTokens,
      ToLongFunction<JsonNode> tokensUsed,
      CallHandle handle) {
    if (handle.cancelled()) {
      throw new ModelException(provider + " call cancelled", false, null, 0, null);
    }
    RateGovernor.Permit permit;
    try {
      permit = governor.acquire(estimatedTokens);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelException(provider + ": interrupted while waiting for the rate governor", false, null, 0, null);
    }
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialize a request body", e);
    }
    Request.Builder rb = new Request.Builder().url(url).post(RequestBody.create(bytes, JSON_TYPE));
    headers.forEach(rb::header);
    Call call = http.newCall(rb.build());
    handle.attach(call);
    calls.incrementAndGet();
    try (Response response = call.execute()) {
      String text = response.body().string();
      if (!response.isSuccessful()) {
        governor.settle(permit, 0);
        throw ProviderErrors.fromResponse(provider, response.code(), response.headers(), text, key, clock);
      }
      JsonNode json;
      try {
        json = JSON.readTree(text);
      } catch (IOException e) {
        throw new ModelException(provider + " HTTP " + response.code() + ": the answer is not JSON: "
            + redact(abbreviate(text)), true, null, response.code(), null);
      }
      governor.settle(permit, tokensUsed.applyAsLong(json));
      return json;
    } catch (IOException e) {
      throw ProviderErrors.fromIo(provider, e, key);
    }
  }

  /** A GET, for model listings and health checks; counted like any request. */
  public JsonNode get(HttpUrl url, Map<String, String> headers) {
    Request.Builder rb = new Request.Builder().url(url).get();
    headers.forEach(rb::header);
    calls.incrementAndGet();
    try (Response response = http.newCall(rb.build()).execute()) {
      String text = response.body().string();
      if (!response.isSuccessful()) {
        throw ProviderErrors.fromResponse(provider, response.code(), response.headers(), text, key, clock);
      }
      return JSON.readTree(text);
    } catch (IOException e) {
      throw ProviderErrors.fromIo(provider, e, key);
    }
  }

  private String redact(String s) {
    return key == null ? s : key.redact(s);
  }

  private static String abbreviate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "…";
  }

  /** The URL {@code base} + {@code path}, keeping the base's own path ({@code …/v1}). */
  public static HttpUrl resolve(String base, String path) {
    HttpUrl b = HttpUrl.parse(base.endsWith("/") ? base : base + "/");
    if (b == null) {
      throw new IllegalArgumentException("not an http(s) URL: " + base);
    }
    HttpUrl u = b.resolve(path.startsWith("/") ? path.substring(1) : path);
    if (u == null) {
      throw new IllegalArgumentException("cannot resolve " + path + " against " + base);
    }
    return u;
  }

  /** Only the caller's own client closes; connections of the shared pool are left idle. */
  @Override
  public void close() {
    http.connectionPool().evictAll();
  }
}
