package dev.dtrust.clients.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.model.ChatRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * The engine's maxInFlight, not OkHttp's defaults, bounds the calls to one server: 64 calls from 64
 * engine threads are all at the server at once (OkHttp's dispatcher allows 5 per host, its pool
 * keeps 5 idle connections), and the next 64 reuse the same connections instead of opening new ones.
 */
class OpenAiConcurrencyTest {
  private static final int IN_FLIGHT = 64;

  @Test
  void sixtyFourCallsAreInFlightAtOnceAndTheirConnectionsAreKept() throws Exception {
    AtomicInteger now = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AtomicReference<CountDownLatch> wave = new AtomicReference<>();
    Set<Integer> connections = ConcurrentHashMap.newKeySet();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
          connections.add(request.getConnectionIndex());
          most.accumulateAndGet(now.incrementAndGet(), Math::max);
          CountDownLatch all = wave.get();
          all.countDown();
          all.await(10, TimeUnit.SECONDS); // answers only once the whole wave is here
          now.decrementAndGet();
          return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
              .body(OpenAiBodies.completion(List.of("ok"), 3, 1)).build();
        }
      });
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      String base = server.url("/v1").toString();
      ExecutorService engineThreads = Executors.newFixedThreadPool(IN_FLIGHT);
      try (OpenAiChatClient client = OpenAiChatClient.builder("m").baseUrl(base).build()) {
        for (int round = 0; round < 2; round++) {
          wave.set(new CountDownLatch(IN_FLIGHT));
          List<Future<?>> calls = new ArrayList<>();
          for (int i = 0; i < IN_FLIGHT; i++) {
            ChatRequest r = ChatRequest.of(List.of(ChatMessage.user("q" + i)));
            calls.add(engineThreads.submit(() -> client.chat(r)));
          }
          for (Future<?> f : calls) {
            f.get(30, TimeUnit.SECONDS);
          }
          assertEquals(IN_FLIGHT, most.get(), "calls at the server at once");
        }
      } finally {
        engineThreads.shutdownNow();
      }
      assertEquals(2 * IN_FLIGHT, server.getRequestCount());
      assertTrue(connections.size() <= IN_FLIGHT, "connections opened for two waves of 64: " + connections.size());
    }
  }
}
