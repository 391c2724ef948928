package dev.dtrust.examples.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1 that answers every request after a
 * fixed latency, for {@link OrchestrationBenchmark}. No thread waits out the latency: a handler
 * reads the request and schedules the answer on a timer, so a few threads serve any number of
 * requests in flight.
 *
 * <p>Run as its own process ({@code java -cp dt.jar dev.dtrust.examples.bench.FakeChatServer
 * [latencyMillis]}): it prints {@code port N} on its first line and stops when its standard input
 * closes, i.e. with the process that started it.
 */
public final class FakeChatServer {
  private static final byte[] ANSWER = ("{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"created\":0,"
      + "\"model\":\"bench\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"I disagree.\"},"
      + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":40,\"completion_tokens\":3,\"total_tokens\":43}}")
      .getBytes(StandardCharsets.UTF_8);

  private FakeChatServer() {}

  /** Starts the server, prints its port, and serves until standard input closes. */
  public static void main(String[] args) throws Exception {
    long latencyMillis = args.length > 0 ? Long.parseLong(args[0]) : 50;
    // The JDK server writes a response's headers and body in separate segments; with Nagle's
    // algorithm on (its default) the body waits for the client's delayed ACK, ~40 ms on Linux.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext("/", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
      }
      timer.schedule(() -> answer(exchange), latencyMillis, TimeUnit.MILLISECONDS);
    });
    server.start();
    PrintStream out = System.out;
    out.println("port " + server.getAddress().getPort());
    out.flush();
    while (System.in.read() >= 0) {
      // serve until the parent goes away
    }
    server.stop(0);
    timer.shutdownNow();
    System.exit(0);
  }

  private static void answer(HttpExchange exchange) {
    try {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, ANSWER.length);
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(ANSWER);
      }
    } catch (IOException e) {
      exchange.close();
    }
  }
}
