package dev.dtrust.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.core.model.ModelClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelClientFactoryTest {

  @Test
  void secretsAreRefusedAsOptions() {
    for (String name : new String[] {"apiKey", "api_key", "token", "accessToken", "clientSecret", "secretValue", "password"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> ModelClientFactory.of("openai:gpt-4o", Map.of(name, "x")));
      assertTrue(e.getMessage().contains(name), e.getMessage());
    }
    assertEquals("OPENAI_API_KEY", ModelClientFactory.of("openai:gpt-4o", Map.of("apiKeyEnv", "OPENAI_API_KEY"))
        .options().get("apiKeyEnv"));
    assertEquals("1000", ModelClientFactory.of("openai:gpt-4o", Map.of("tokensPerMinute", "1000")).options().get("tokensPerMinute"),
        "a rate limit on tokens is not a token");
  }

  @Test
  void providersAreFoundBySpecAndReadTheExecutorsEnvironment() {
    try (ModelClient sim = ModelClientFactory.of("sim", Map.of()).create()) {
      assertEquals("sim", sim.modelId());
    }
    ModelClientFactory fake = ModelClientFactory.of("fakehttp:m", Map.of("baseUrl", "http://127.0.0.1:1", "apiKeyEnv", "K"));
    try (ModelClient c = fake.create(name -> name.equals("K") ? "from-env" : null)) {
      assertEquals("m", c.modelId());
    }
    assertThrows(IllegalStateException.class, () -> fake.create(name -> null));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ModelClientFactory.of("nope:x", Map.of()).create());
    assertTrue(e.getMessage().contains("nope:x"), e.getMessage());
  }

  @Test
  void openAiSpecsUseTheClientOfDtClientsWithTheKeyFromTheEnvironment() throws Exception {
    try (FakeChatServer server = new FakeChatServer(0)) {
      ModelClientFactory f = ModelClientFactory.of("openai:gpt-fake", Map.of("baseUrl", server.baseUrl() + "/v1", "apiKeyEnv", "K"));
      try (ModelClient c = f.create(name -> name.equals("K") ? "sk-from-env" : null)) {
        assertEquals("gpt-fake", c.modelId());
        String text = c.chat(dev.dtrust.core.model.ChatRequest.of(java.util.List.of(dev.dtrust.core.model.ChatMessage.user("hi"))))
            .choices().get(0).text();
        assertTrue(!text.isEmpty());
      }
      assertEquals(Map.of("Bearer sk-from-env", 1), Map.of(server.authorizations.keySet().iterator().next(),
          server.authorizations.values().iterator().next().get()));
    }
  }

  @Test
  void anOpenAiClientWithARateShareWaitsWhenItsShareIsSpent() throws Exception {
    try (FakeChatServer server = new FakeChatServer(0)) {
      ModelClientFactory f = ModelClientFactory.of("openai:gpt-fake", Map.of("baseUrl", server.baseUrl() + "/v1"))
          .withRateShare(new RateShare(1, 0));
      var hi = dev.dtrust.core.model.ChatRequest.of(java.util.List.of(dev.dtrust.core.model.ChatMessage.user("hi")));
      try (ModelClient c = f.create(name -> null)) {
        c.chat(hi);
        Thread second = new Thread(() -> {
          try {
            c.chat(hi);
          } catch (RuntimeException expected) {
            // interrupted while waiting for the governor
          }
        });
        second.setDaemon(true);
        second.start();
        second.join(700);
        assertTrue(second.isAlive(), "the second request of a 1-per-minute share waits");
        assertEquals(1, server.requests.get());
        second.interrupt();
      }
    }
  }
}
