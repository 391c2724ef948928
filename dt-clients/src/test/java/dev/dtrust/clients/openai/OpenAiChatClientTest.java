package dev.dtrust.clients.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.clients.http.ApiKey;
import dev.dtrust.clients.testing.FakeServer;
import dev.dtrust.clients.testing.HttpClientConformance;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.model.ChatResponse;
import dev.dtrust.core.model.ModelException;
import dev.dtrust.core.model.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenAiChatClientTest extends HttpClientConformance<OpenAiChatClient> {
  static final String KEY = "sk-test-0123456789abcdefSECRET";

  // --- conformance hooks

  @Override
  protected OpenAiChatClient newClient(FakeServer server) {
    return OpenAiChatClient.builder("gpt-4.1")
        .baseUrl(server.url("/v1")).apiKey(ApiKey.of(KEY)).build();
  }

  @Override
  protected void answer(List<String> texts, Usage usage) {
    server.json(200, OpenAiBodies.completion(texts, usage.promptTokens(), usage.completionTokens()));
  }

  @Override
  protected void refuse() {
    server.json(200, OpenAiBodies.completion(java.util.Arrays.asList((String) null), 12, 0, "content_filter"));
  }

  @Override
  protected void answerError(Failure failure) {
    switch (failure) {
      case RATE_LIMITED -> server.json(429, OpenAiBodies.RATE_LIMIT, "Retry-After", "2", "x-ratelimit-remaining-requests", "0",
          "x-ratelimit-reset-requests", "120ms");
      case OVERLOADED -> server.json(503, OpenAiBodies.OVERLOADED);
      case SERVER_ERROR -> server.json(500, OpenAiBodies.SERVER_ERROR);
      case BAD_REQUEST -> server.json(400, OpenAiBodies.BAD_REQUEST);
      case UNAUTHORIZED -> server.json(401, OpenAiBodies.unauthorized("sk-test-****CRET"));
      case QUOTA_EXHAUSTED -> server.json(429, OpenAiBodies.QUOTA);
    }
  }

  @Override
  protected List<ChatMessage> lastConversation() throws Exception {
    List<ChatMessage> out = new ArrayList<>();
    for (JsonNode m : server.lastBody().path("messages")) {
      out.add(new ChatMessage(m.path("role").asText(), m.path("content").asText(), m.hasNonNull("name") ? m.get("name").asText() : null));
    }
    return out;
  }

  // --- OpenAI specifics

  @Test
  void requestBodyHasEveryDocumentedFieldExplicitly() throws Exception {
    answer(List.of("ok"), new Usage(1, 1));
    client().chat(new ChatRequest(List.of(ChatMessage.system("sys"), new ChatMessage("system", "q", "example_user"), ChatMessage.user("u")),
        0.7, 150, 0.9, null, List.of("\n\n"), 42L));
    RecordedRequest r = server.take();
    assertEquals("POST", r.getMethod());
    assertEquals("/v1/chat/completions", r.getUrl().encodedPath());
    assertEquals("Bearer " + KEY, r.getHeaders().get("Authorization"));
    assertTrue(r.getHeaders().get("Content-Type").startsWith("application/json"));
    JsonNode b = FakeServer.body(r);
    assertEquals("gpt-4.1", b.get("model").asText());
    assertEquals("system", b.at("/messages/0/role").asText());
    assertEquals("sys", b.at("/messages/0/content").asText());
    assertFalse(b.at("/messages/0").has("name"), "no name when the message has none");
    assertEquals("example_user", b.at("/messages/1/name").asText());
    assertEquals("user", b.at("/messages/2/role").asText());
    assertEquals(0.7, b.get("temperature").asDouble());
    assertEquals(0.9, b.get("top_p").asDouble());
    assertEquals(150, b.get("max_tokens").asInt());
    assertFalse(b.has("max_completion_tokens"));
    assertEquals(1, b.get("n").asInt());
    assertEquals(0.0, b.get("presence_penalty").asDouble());
    assertEquals(0.0, b.get("frequency_penalty").asDouble());
    assertEquals("\n\n", b.at("/stop/0").asText());
    assertEquals(42, b.get("seed").asLong());
    assertFalse(b.get("stream").asBoolean());
  }

  @Test
  void absentSamplingParametersAreSentWithOpenAiDefaultsSoServersDoNotApplyTheirOwn() throws Exception {
    answer(List.of("ok"), new Usage(1, 1));
    client().chat(ChatRequest.of(List.of(ChatMessage.user("u"))));
    JsonNode b = FakeServer.body(server.take());
    assertEquals(1.0, b.get("temperature").asDouble());
    assertEquals(1.0, b.get("top_p").asDouble());
    assertEquals(1, b.get("n").asInt());
    assertFalse(b.has("max_tokens"), "no token limit invented");
    assertFalse(b.has("seed"));
    assertFalse(b.has("stop"));
  }

  @Test
  void organizationProjectAndExtraHeadersAreSent() throws Exception {
    try (var c = OpenAiChatClient.builder("m").baseUrl(server.url("/v1")).organization("org-1").project("proj_2")
        .header("X-Gateway", "eval").build()) {
      answer(List.of("ok"), new Usage(1, 1));
      c.chat(ChatRequest.of(List.of(ChatMessage.user("u"))));
      RecordedRequest r = server.take();
      assertEquals("org-1", r.getHeaders().get("OpenAI-Organization"));
      assertEquals("proj_2", r.getHeaders().get("OpenAI-Project"));
      assertEquals("eval", r.getHeaders().get("X-Gateway"));
      assertEquals(null, r.getHeaders().get("Authorization"), "no key, no Authorization header (local servers)");
    }
  }

  @Test
  void usageAndSystemFingerprintAreCaptured() {
    answer(List.of("hello"), new Usage(19, 10));
    ChatResponse r = client().chat(request(1));
    assertEquals(new Usage(19, 10), r.usage());
    assertEquals("fp_44709d6fcb", r.metadata().get("system_fingerprint"));
    assertEquals("gpt-4.1-2025-04-14", r.metadata().get("model"));
    assertEquals("stop", r.choices().get(0).finishReason());
  }

  @Test
  void aServerIgnoringNIsDetectedAndTheMissingSamplesAreSeparateCalls() throws Exception {
    // llama.cpp server and some Ollama versions answer one choice whatever n says
    server.json(200, OpenAiBodies.completion(List.of("s0"), 10, 2));
    server.json(200, OpenAiBodies.completion(List.of("s1"), 10, 3));
    server.json(200, OpenAiBodies.completion(List.of("s2"), 10, 4));
    ChatResponse r = client().chat(request(3));
    assertEquals(List.of("s0", "s1", "s2"), r.texts());
    assertEquals(new Usage(30, 9), r.usage());
    assertEquals("true", r.metadata().get("n_emulated"));
    assertEquals(3, client().httpCalls(), "every fallback call counted");
    assertEquals(3, server.take().getBody().utf8().contains("\"n\":3") ? 3 : -1);
    assertTrue(server.take().getBody().utf8().contains("\"n\":1"));
    server.take();
    // from now on n single calls, no wasted first call
    for (int i = 0; i < 2; i++) {
      server.json(200, OpenAiBodies.completion(List.of("t" + i), 1, 1));
    }
    assertEquals(List.of("t0", "t1"), client().chat(request(2)).texts());
    assertEquals(5, client().httpCalls());
  }

  @Test
  void multipleChoicesFalseTellsTheEngineToEmulateN() {
    try (var c = OpenAiChatClient.builder("m").baseUrl(server.url("/v1")).multipleChoices(false).build()) {
      assertFalse(c.supportsMultipleChoices());
    }
    assertTrue(client().supportsMultipleChoices());
  }

  @Test
  void aModelRefusingMaxTokensGetsMaxCompletionTokens() throws Exception {
    server.json(400, OpenAiBodies.MAX_TOKENS_UNSUPPORTED);
    answer(List.of("ok"), new Usage(3, 1));
    assertEquals(List.of("ok"), client().chat(request(1)).texts());
    assertTrue(FakeServer.body(server.take()).has("max_tokens"));
    JsonNode second = FakeServer.body(server.take());
    assertFalse(second.has("max_tokens"));
    assertEquals(16, second.get("max_completion_tokens").asInt());
    assertEquals(2, client().httpCalls());
    answer(List.of("ok"), new Usage(3, 1));
    client().chat(request(1));
    assertEquals(16, FakeServer.body(server.take()).get("max_completion_tokens").asInt(), "remembered");
  }

  @Test
  void maxCompletionTokensCanBeConfigured() throws Exception {
    try (var c = OpenAiChatClient.builder("o3-mini").baseUrl(server.url("/v1"))
        .tokenLimitField(OpenAiChatClient.TokenLimitField.MAX_COMPLETION_TOKENS).build()) {
      answer(List.of("ok"), new Usage(1, 1));
      c.chat(request(1));
      JsonNode b = FakeServer.body(server.take());
      assertEquals(16, b.get("max_completion_tokens").asInt());
      assertFalse(b.has("max_tokens"));
    }
  }

  /** Issue 3, item 5: one row per status. */
  @ParameterizedTest(name = "HTTP {0} retryable={1}")
  @CsvSource({"408,true", "409,true", "429,true", "500,true", "502,true", "503,true", "504,true", "529,true",
      "400,false", "401,false", "403,false", "404,false", "413,false", "422,false"})
  void statusTable(int status, boolean retryable) {
    server.json(status, OpenAiBodies.error("status " + status, "some_error", null, null));
    ModelException e = assertThrows(ModelException.class, () -> client().chat(request(1)));
    assertEquals(retryable, e.retryable(), e.getMessage());
    assertEquals(status, e.status());
    assertTrue(e.getMessage().contains("status " + status), "the provider's message: " + e.getMessage());
  }

  @Test
  void anInsufficientQuota429IsPermanentAndSaysSo() {
    fail(Failure.QUOTA_EXHAUSTED);
    ModelException e = assertThrows(ModelException.class, () -> client().chat(request(1)));
    assertFalse(e.retryable());
    assertTrue(e.getMessage().contains("You exceeded your current quota"), e.getMessage());
    assertTrue(e.getMessage().contains("insufficient_quota"), e.getMessage());
  }

  @Test
  void openAiResetHeadersAreTheMinimumWaitWhenThereIsNoRetryAfter() {
    server.json(429, OpenAiBodies.RATE_LIMIT, "x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "1.5s",
        "x-ratelimit-remaining-tokens", "1000", "x-ratelimit-reset-tokens", "6m0s");
    ModelException e = assertThrows(ModelException.class, () -> client().chat(request(1)));
    assertTrue(e.retryable());
    assertEquals(Duration.ofMillis(1500), e.retryAfter().orElseThrow(), "the exhausted limit's reset");
  }

  @Test
  void theKeyNeverAppearsInMessagesOrToString() {
    // a provider (or a proxy) echoing the whole key must not put it into an exception
    server.json(401, OpenAiBodies.unauthorized(KEY));
    ModelException e = assertThrows(ModelException.class, () -> client().chat(request(1)));
    assertFalse(e.getMessage().contains(KEY), e.getMessage());
    assertTrue(e.getMessage().contains("***"));
    assertFalse(client().toString().contains(KEY));
    assertFalse(ApiKey.of(KEY).toString().contains(KEY));
  }

  @Test
  void baseUrlKeepsItsPath() throws Exception {
    try (var c = OpenAiChatClient.builder("llama3").baseUrl(server.url("/openai/v1/")).build()) {
      answer(List.of("ok"), new Usage(1, 1));
      c.chat(request(1));
      assertEquals("/openai/v1/chat/completions", server.take().getUrl().encodedPath());
    }
  }

  @Test
  void theKeyMayComeFromTheEnvironmentAndAMissingVariableIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OpenAiChatClient.builder("m").apiKeyFromEnv("DT_SURELY_UNSET_VARIABLE_42"));
    assertTrue(e.getMessage().contains("DT_SURELY_UNSET_VARIABLE_42"));
    assertEquals(Map.of(), Map.of());
  }
}
