package dev.dtrust.clients.gemini;

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
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class GeminiClientTest extends HttpClientConformance<GeminiClient> {
  static final String KEY = "AIzaSyD-SECRET-SECRET-SECRET";

  static String generated(String text, String finish, long prompt, long out) {
    return "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"" + text + "\"}],\"role\":\"model\"},"
        + "\"finishReason\":\"" + finish + "\",\"index\":0,\"safetyRatings\":[{\"category\":\"HARM_CATEGORY_HATE_SPEECH\","
        + "\"probability\":\"NEGLIGIBLE\"}]}],\"usageMetadata\":{\"promptTokenCount\":" + prompt
        + ",\"candidatesTokenCount\":" + out + ",\"totalTokenCount\":" + (prompt + out)
        + ",\"promptTokensDetails\":[{\"modality\":\"TEXT\",\"tokenCount\":" + prompt + "}]},"
        + "\"modelVersion\":\"gemini-2.5-flash\",\"responseId\":\"mAitaNqgBJ2GqtsPopLi2Qc\"}";
  }

  static final String PROMPT_BLOCKED = "{\"promptFeedback\":{\"blockReason\":\"SAFETY\",\"safetyRatings\":["
      + "{\"category\":\"HARM_CATEGORY_HARASSMENT\",\"probability\":\"HIGH\",\"blocked\":true}]},"
      + "\"usageMetadata\":{\"promptTokenCount\":12,\"totalTokenCount\":12},\"modelVersion\":\"gemini-2.5-flash\"}";

  static String quota(String quotaId, String retryDelay) {
    return "{\n  \"error\": {\n    \"code\": 429,\n    \"message\": \"You exceeded your current quota, please check your plan and billing details.\",\n"
        + "    \"status\": \"RESOURCE_EXHAUSTED\",\n    \"details\": [\n      {\"@type\": \"type.googleapis.com/google.rpc.QuotaFailure\","
        + " \"violations\": [{\"quotaMetric\": \"generativelanguage.googleapis.com/generate_content_free_tier_requests\","
        + " \"quotaId\": \"" + quotaId + "\", \"quotaValue\": \"10\"}]},\n"
        + "      {\"@type\": \"type.googleapis.com/google.rpc.RetryInfo\", \"retryDelay\": \"" + retryDelay + "\"}\n    ]\n  }\n}\n";
  }

  static String error(int code, String status, String message) {
    return "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\",\"status\":\"" + status + "\"}}";
  }

  @Override
  protected GeminiClient newClient(FakeServer server) {
    return GeminiClient.builder("gemini-2.5-flash")
        .baseUrl(server.url("/")).apiKey(ApiKey.of(KEY)).build();
  }

  @Override
  protected void answer(List<String> texts, Usage usage) {
    answerEachSample(texts, usage,
        (text, share) -> server.json(200, generated(text, "STOP", share.promptTokens(), share.completionTokens())));
  }

  @Override
  protected void refuse() {
    server.json(200, PROMPT_BLOCKED);
  }

  @Override
  protected void answerError(Failure failure) {
    switch (failure) {
      case RATE_LIMITED -> server.json(429, quota("GenerateRequestsPerMinutePerProjectPerModel-FreeTier", "2s"));
      case OVERLOADED -> server.json(503, error(503, "UNAVAILABLE", "The model is overloaded. Please try again later."));
      case SERVER_ERROR -> server.json(500, error(500, "INTERNAL", "An internal error has occurred."));
      case BAD_REQUEST -> server.json(400, error(400, "INVALID_ARGUMENT", "Invalid JSON payload received."));
      case UNAUTHORIZED -> server.json(403, error(403, "PERMISSION_DENIED", "Method doesn't allow unregistered callers."));
      case QUOTA_EXHAUSTED -> server.json(429, quota("GenerateRequestsPerDayPerProjectPerModel-FreeTier", "43s"));
    }
  }

  @Override
  protected List<ChatMessage> lastConversation() throws Exception {
    JsonNode b = server.lastBody();
    List<ChatMessage> out = new ArrayList<>();
    if (b.has("systemInstruction")) {
      out.add(ChatMessage.system(b.at("/systemInstruction/parts/0/text").asText()));
    }
    for (JsonNode c : b.path("contents")) {
      String role = c.path("role").asText().equals("model") ? "assistant" : c.path("role").asText();
      out.add(new ChatMessage(role, c.at("/parts/0/text").asText(), null));
    }
    return out;
  }

  @Test
  void requestFollowsGenerateContent() throws Exception {
    answer(List.of("ok"), new Usage(1, 1));
    ChatResponse r = client().chat(new ChatRequest(List.of(ChatMessage.system("Be brief."),
        new ChatMessage("system", "Q1", "example_user"), new ChatMessage("system", "A1", "example_assistant"),
        ChatMessage.user("Q2")), 0.5, 32, 0.95, null, List.of("END"), 3L));
    RecordedRequest req = server.take();
    assertEquals("/v1beta/models/gemini-2.5-flash:generateContent", req.getUrl().encodedPath());
    assertEquals(KEY, req.getHeaders().get("x-goog-api-key"));
    assertEquals(null, req.getUrl().queryParameter("key"), "the key is a header, never in the URL");
    JsonNode b = FakeServer.body(req);
    assertEquals("Be brief.", b.at("/systemInstruction/parts/0/text").asText());
    assertEquals("user", b.at("/contents/0/role").asText());
    assertEquals("Q1", b.at("/contents/0/parts/0/text").asText());
    assertEquals("model", b.at("/contents/1/role").asText());
    assertEquals("user", b.at("/contents/2/role").asText());
    JsonNode g = b.get("generationConfig");
    assertEquals(0.5, g.get("temperature").asDouble());
    assertEquals(0.95, g.get("topP").asDouble());
    assertEquals(32, g.get("maxOutputTokens").asInt());
    assertEquals("END", g.at("/stopSequences/0").asText());
    assertEquals(3, g.get("seed").asLong());
    assertEquals(1, g.get("candidateCount").asInt());
    assertEquals("0:system->systemInstruction;1:system/example_user->user;2:system/example_assistant->model",
        r.metadata().get("role_mapping"));
    assertEquals("gemini-2.5-flash", r.metadata().get("model"));
  }

  @Test
  void aCandidateFinishedForSafetyIsARefusal() {
    server.json(200, generated("", "SAFETY", 9, 0));
    ChatResponse r = client().chat(request(1));
    assertTrue(r.choices().get(0).filtered());
    assertEquals("SAFETY", r.metadata().get("block_reason"));
  }

  @Test
  void aBlockedPromptIsARefusalWithItsReason() {
    refuse();
    ChatResponse r = client().chat(request(1));
    assertEquals("", r.texts().get(0));
    assertEquals("SAFETY", r.metadata().get("block_reason"));
    assertEquals(new Usage(12, 0), r.usage());
  }

  @Test
  void maxTokensFinishIsLength() {
    server.json(200, generated("cut", "MAX_TOKENS", 5, 32));
    assertEquals("length", client().chat(request(1)).choices().get(0).finishReason());
  }

  @Test
  void aDailyQuotaIsPermanentAndAPerMinuteOneWaitsTheRetryDelay() {
    fail(Failure.QUOTA_EXHAUSTED);
    ModelException daily = assertThrows(ModelException.class, () -> client().chat(request(1)));
    assertFalse(daily.retryable(), daily.getMessage());
    assertTrue(daily.getMessage().contains("RESOURCE_EXHAUSTED"), daily.getMessage());
    fail(Failure.RATE_LIMITED);
    ModelException minute = assertThrows(ModelException.class, () -> client().chat(request(1)));
    assertTrue(minute.retryable(), minute.getMessage());
    assertEquals(2, minute.retryAfter().orElseThrow().toSeconds());
  }

  @Test
  void theKeyIsNeverInMessagesOrToString() {
    server.json(400, error(400, "INVALID_ARGUMENT", "API key not valid: " + KEY));
    ModelException e = assertThrows(ModelException.class, () -> client().chat(request(1)));
    assertFalse(e.getMessage().contains(KEY));
    assertFalse(client().toString().contains(KEY));
  }
}
