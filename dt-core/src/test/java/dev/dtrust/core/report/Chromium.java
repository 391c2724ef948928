package dev.dtrust.core.report;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Headless Debian Chromium driven over the DevTools protocol (loopback only), for browser tests:
 * open a local page, evaluate expressions in it (clicks included).
 */
public final class Chromium implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending;

  /** The Chromium binary; fails in CI when absent, skips elsewhere. */
  public static Path binary() {
    for (String c : new String[] {System.getenv("CHROME_BIN"), "/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
      if (c != null && Files.isExecutable(Path.of(c))) {
        return Path.of(c);
      }
    }
    if ("true".equals(System.getenv("CI"))) {
      fail("CI must install Debian's chromium (see .ci/run)");
    }
    assumeTrue(false, "chromium is not installed: apt-get install chromium to run browser tests");
    return null;
  }

  /** The flags the probe of this machine kind uses: no sandbox (root), no background networking. */
  public static List<String> flags(Path profile) {
    return List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile);
  }

  private Chromium(Process process, WebSocket socket, Map<Integer, CompletableFuture<JsonNode>> pending) {
    this.process = process;
    this.socket = socket;
    this.pending = pending;
  }

  /** Starts Chromium on a page and connects to it. */
  public static Chromium open(Path profile, URI page) throws Exception {
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add(binary().toString());
    cmd.addAll(flags(profile));
    cmd.add("--remote-debugging-address=127.0.0.1");
    cmd.add("--remote-debugging-port=0");
    cmd.add(page.toString());
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
      if (System.nanoTime() > deadline || !p.isAlive()) {
        p.destroyForcibly();
        fail("chromium did not start its DevTools endpoint");
      }
      Thread.sleep(100);
    }
    int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
    HttpClient http = HttpClient.newHttpClient();
    String wsUrl = null;
    while (wsUrl == null) {
      JsonNode targets = MAPPER.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      for (JsonNode t : targets) {
        if ("page".equals(t.path("type").asText())) {
          wsUrl = t.path("webSocketDebuggerUrl").asText();
        }
      }
      if (System.nanoTime() > deadline) {
        p.destroyForcibly();
        fail("chromium opened no page");
      }
      Thread.sleep(100);
    }
    Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    StringBuilder buf = new StringBuilder();
    WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(wsUrl), new WebSocket.Listener() {
      @Override
      public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
        buf.append(data);
        if (last) {
          try {
            JsonNode msg = MAPPER.readTree(buf.toString());
            CompletableFuture<JsonNode> f = pending.remove(msg.path("id").asInt(-1));
            if (f != null) {
              f.complete(msg);
            }
          } catch (Exception e) {
            // events we do not wait for
          }
          buf.setLength(0);
        }
        w.request(1);
        return null;
      }
    }).get(30, TimeUnit.SECONDS);
    return new Chromium(p, ws, pending);
  }

  /** Evaluates a JavaScript expression in the page and returns its value (JSON). */
  public JsonNode evaluate(String expression) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    pending.put(id, f);
    String msg = MAPPER.writeValueAsString(Map.of("id", id, "method", "Runtime.evaluate",
        "params", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true)));
    socket.sendText(msg, true).get(30, TimeUnit.SECONDS);
    JsonNode r = f.get(60, TimeUnit.SECONDS);
    if (r.has("error") || r.at("/result/exceptionDetails").isObject()) {
      fail("evaluation failed: " + r);
    }
    return r.at("/result/result/value");
  }

  /** Waits until an expression is true. */
  public void await(String condition, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!evaluate("!!(" + condition + ")").asBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting for " + condition);
      }
      Thread.sleep(100);
    }
  }

  @Override
  public void close() {
    socket.abort();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
