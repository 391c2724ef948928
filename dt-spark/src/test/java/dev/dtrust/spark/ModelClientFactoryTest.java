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
    for (String name : new String[] {"apiKey", "api_key", "token", "clientSecret", "password"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> ModelClientFactory.of("openai:gpt-4o", Map.of(name, "x")));
      assertTrue(e.getMessage().contains(name), e.getMessage());
    }
    assertEquals("OPENAI_API_KEY", ModelClientFactory.of("openai:gpt-4o", Map.of("apiKeyEnv", "OPENAI_API_KEY"))
        .options().get("apiKeyEnv"));
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
}
