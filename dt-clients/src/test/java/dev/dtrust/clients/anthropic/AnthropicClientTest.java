package dev.dtrust.clients.anthropic;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class AnthropicClientTest extends HttpClientConformance<AnthropicClient> {
  static final String KEY = "sk-ant-api03-SECRETSECRETSECRET";

  static String message(String text, String stopReason, long in, long out) {
    String content = text == null ? "[]" : "[{\"type\":\"text\",\"text\":\"" + text + "\"}]";
    return "{\"id\":\"msg_013Zva2CMHLNnXjNJJKqJ2EF\",\"type\":\"message\",\"role\":\"assistant\","
        + "\"model\":\"claude-sonnet-4-5-20250929\",\"content\":" + content + ",\"stop_reason\":\"" + stopReason
        + "\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":" + in + ",\"cache_creation_input_tokens\":0,"
        + "\"cache_read_input_tokens\":0,\"output_tokens\":" + out + ",\"service_tier\":\"standard\"}}";
  }

  static String error(String type, String message) {
    return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message
        + "\"},\"request_id\":\"req_011CSHoEeqs5C35K2UUqR7Fy\"}";
  }

  @Override
  protected AnthropicClient newClient(FakeServer server) {
    return AnthropicClient.builder("claude-sonnet-4-5")
        .baseUrl(server.url("/")).apiKey(ApiKey.of(KEY)).build();
  }

  @Override
  protected void answer(List<String> texts, Usage usage) {
    answerEachSample(texts, usage,
        (text, share) -> server.json(200, message(text, "end_turn", share.promptTokens(), share.completionTokens())));
  }

  @Override
  protected void refuse() {
    server.json(200, message(null, "refusal", 20, 0));
  }

  @Override
  protected void answerError(Failure failure) {
    switch (failure) {
      case RATE_LIMITED -> server.json(429, error("rate_limit_error",
          "This request would exceed the rate limit for your organization of 50 requests per minute."),
          "retry-after", "2", "anthropic-ratelimit-requests-remaining", "0");
      case OVERLOADED -> server.json(529, error("overloaded_error", "Overloaded"));
      case SERVER_ERROR -> server.json(500, error("api_error", "Internal server error"));
      case BAD_REQUEST -> server.json(400, error("invalid_request_error", "max_tokens: Field required"));
      case UNAUTHORIZED -> server.json(401, error("authentication_error", "invalid x-api-key"));
      case QUOTA_EXHAUSTED -> server.json(429, error("rate_limit_error",
          "You have reached your specified workspace API usage limits. You will regain access on 2026-12-01 at 00:00 UTC."));
    }
  }

  @Override
  protected List<ChatMessage> lastConversation() throws Exception {
    JsonNode b = server.lastBody();
    List<ChatMessage> out = new ArrayList<>();
    if (b.hasNonNull("system")) {
      out.add(ChatMessage.system(b.get("system").asText()));
    }
    for (JsonNode m : b.path("messages")) {
      out.add(new ChatMessage(m.path("role").asText(), m.path("content").asText(), null));
    }
    return out;
  }

  @Test
  void requestFollowsTheMessagesApi() throws Exception {
    answer(List.of("ok"), new Usage(1, 1));
    ChatResponse r = client().chat(new ChatRequest(List.of(ChatMessage.system("You are helpful."),
        new ChatMessage("system", "2+2?", "example_user"), new ChatMessage("system", "4", "example_assistant"),
        ChatMessage.user("3+3?")), 0.0, 64, 1.0, null, List.of("###"), 7L));
    RecordedRequest req = server.take();
    assertEquals("/v1/messages", req.getUrl().encodedPath());
    assertEquals(KEY, req.getHeaders().get("x-api-key"));
    assertEquals("2023-06-01", req.getHeaders().get("anthropic-version"));
    assertEquals(null, req.getHeaders().get("Authorization"));
    JsonNode b = FakeServer.body(req);
    assertEquals("claude-sonnet-4-5", b.get("model").asText());
    assertEquals(64, b.get("max_tokens").asInt());
    assertEquals("You are helpful.", b.get("system").asText());
    assertEquals(3, b.get("messages").size());
    assertEquals("user", b.at("/messages/0/role").asText());
    assertEquals("2+2?", b.at("/messages/0/content").asText());
    assertEquals("assistant", b.at("/messages/1/role").asText());
    assertEquals("user", b.at("/messages/2/role").asText());
    assertFalse(b.at("/messages/0").has("name"), "the Messages API has no name field");
    assertEquals(0.0, b.get("temperature").asDouble());
    assertFalse(b.has("top_p"), "1.0 is the default, and newer models reject it beside temperature");
    assertEquals("###", b.at("/stop_sequences/0").asText());
    assertFalse(b.has("seed"));
    assertFalse(b.has("n"));
    assertEquals("0:system->top-level system;1:system/example_user->user;2:system/example_assistant->assistant",
        r.metadata().get("role_mapping"));
  }

  @Test
  void maxTokensIsAlwaysSent() throws Exception {
    answer(List.of("ok"), new Usage(1, 1));
    client().chat(ChatRequest.of(List.of(ChatMessage.user("hi"))));
    assertEquals(1024, FakeServer.body(server.take()).get("max_tokens").asInt());
  }

  @Test
  void nIsEmulatedByRepeatedCallsAndCounted() {
    assertFalse(client().supportsMultipleChoices());
    answer(List.of("a", "b", "c"), new Usage(30, 6));
    ChatResponse r = client().chat(request(3));
    assertEquals(List.of("a", "b", "c"), r.texts());
    assertEquals(new Usage(30, 6), r.usage());
    assertEquals(3, client().httpCalls());
  }

  @Test
  void finishReasonsAreMapped() {
    server.json(200, message("cut", "max_tokens", 5, 16));
    assertEquals("length", client().chat(request(1)).choices().get(0).finishReason());
    server.json(200, message("done", "stop_sequence", 5, 3));
    assertEquals("stop", client().chat(request(1)).choices().get(0).finishReason());
  }

  @Test
  void anthropicResetHeadersAreTheMinimumWait() {
    Instant now = Instant.parse("2026-11-27T12:00:00Z");
    try (var c = AnthropicClient.builder("m").baseUrl(server.url("/")).clock(Clock.fixed(now, ZoneOffset.UTC)).build()) {
      server.json(429, error("rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit"),
          "anthropic-ratelimit-requests-remaining", "10", "anthropic-ratelimit-requests-reset", "2026-11-27T12:00:30Z",
          "anthropic-ratelimit-input-tokens-remaining", "0", "anthropic-ratelimit-input-tokens-reset", "2026-11-27T12:00:07Z");
      ModelException e = assertThrows(ModelException.class, () -> c.chat(request(1)));
      assertTrue(e.retryable());
      assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
    }
  }

  @Test
  void overloaded529IsRetryableWithTheProvidersMessage() {
    fail(Failure.OVERLOADED);
    ModelException e = assertThrows(ModelException.class, () -> client().chat(request(1)));
    assertTrue(e.retryable());
    assertEquals(529, e.status());
    assertTrue(e.getMessage().contains("overloaded_error: Overloaded"), e.getMessage());
  }

  @Test
  void theKeyIsNeverInMessagesOrToString() {
    server.json(401, error("authentication_error", "invalid x-api-key " + KEY));
    ModelException e = assertThrows(ModelException.class, () -> client().chat(request(1)));
    assertFalse(e.getMessage().contains(KEY));
    assertFalse(client().toString().contains(KEY));
  }
}
