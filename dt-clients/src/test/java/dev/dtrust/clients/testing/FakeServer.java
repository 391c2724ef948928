package dev.dtrust.clients.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * A {@link MockWebServer} on 127.0.0.1 for HTTP client tests: enqueue realistic JSON bodies, then
 * read back what the client sent. Close it after each test.
 */
public final class FakeServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MockWebServer server = new MockWebServer();
  private final List<RecordedRequest> taken = new ArrayList<>();
  private boolean delayNext;

  public FakeServer() {
    try {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start MockWebServer", e);
    }
  }

  /** The server's URL for {@code path} ({@code /v1}, say), without a trailing slash. */
  public String url(String path) {
    String u = server.url(path).toString();
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }

  public int port() {
    return server.getPort();
  }

  /** A JSON answer with status {@code code} and headers given as name, value, name, value… */
  public void json(int code, String body, String... headers) {
    MockResponse.Builder b = new MockResponse.Builder().code(code).body(body).addHeader("Content-Type", "application/json");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.addHeader(headers[i], headers[i + 1]);
    }
    if (delayNext) {
      b.headersDelay(60, TimeUnit.SECONDS);
      delayNext = false;
    }
    server.enqueue(b.build());
  }

  /** The next {@link #json} answer takes a minute to start (a stalled call). */
  public void delayNextAnswer() {
    delayNext = true;
  }

  /** The connection closes as soon as the request arrives. */
  public void reset() {
    server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket(true, true, true)).build());
  }

  /** An answer that takes a minute to start. */
  public void stall(String body) {
    server.enqueue(new MockResponse.Builder().code(200).body(body).headersDelay(60, TimeUnit.SECONDS).build());
  }

  /** The next request the server received, waiting up to 5 s. */
  public RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("the client sent no request");
    }
    taken.add(r);
    return r;
  }

  /** The body of the last request received (everything before it is drained). */
  public JsonNode lastBody() throws Exception {
    RecordedRequest last = null;
    RecordedRequest r;
    while ((r = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
      last = r;
    }
    if (last == null) {
      if (taken.isEmpty()) {
        throw new AssertionError("the client sent no request");
      }
      last = taken.get(taken.size() - 1);
    }
    taken.add(last);
    return body(last);
  }

  public static JsonNode body(RecordedRequest r) throws IOException {
    return JSON.readTree(r.getBody().utf8());
  }

  /** How many requests the server has received. */
  public long requests() {
    return server.getRequestCount();
  }

  @Override
  public void close() {
    server.close();
  }
}
