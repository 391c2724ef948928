package dev.dtrust.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.core.report.TrustReport;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAI-compatible example against a local fake server. */
class EvaluateOpenAiCompatibleTest {

  @Test
  void evaluatesAnOpenAiCompatibleEndpoint(@TempDir Path dir) throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          calls.incrementAndGet();
          StringBuilder choices = new StringBuilder();
          for (int i = 0; i < 2; i++) {
            choices.append(i == 0 ? "" : ",").append("{\"index\":").append(i)
                .append(",\"message\":{\"role\":\"assistant\",\"content\":\"I disagree.\"},\"finish_reason\":\"stop\"}");
          }
          return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
              .body("{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[" + choices + "],"
                  + "\"usage\":{\"prompt_tokens\":30,\"completion_tokens\":4,\"total_tokens\":34}}").build();
        }
      });
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      Path root = Files.createDirectories(dir.resolve("root/templates"));
      Files.copy(Path.of("../dt-perspectives/src/main/resources/dev/dtrust/starter/root/templates/stereotype.json"),
          root.resolve("stereotype.json"));
      TrustReport r = EvaluateOpenAiCompatible.evaluate("http://127.0.0.1:" + server.getPort() + "/v1", "local-model",
          dir.resolve("root"), dir.resolve("out"));
      assertEquals(100.0, r.perspective("stereotype").score(), "a model that always disagrees");
      assertEquals(108, calls.get());
      assertEquals(108, r.run().httpCalls());
      assertTrue(Files.exists(dir.resolve("out/report.html")));
    }
  }
}
