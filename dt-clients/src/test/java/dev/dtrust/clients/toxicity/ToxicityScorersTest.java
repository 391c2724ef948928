package dev.dtrust.clients.toxicity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.clients.http.ApiKey;
import dev.dtrust.clients.openai.OpenAiChatClient;
import dev.dtrust.clients.testing.FakeServer;
import dev.dtrust.core.toxicity.ToxicityScorers;
import dev.dtrust.core.toxicity.ToxicityScores;
import dev.dtrust.core.toxicity.ToxicityScoringException;
import java.time.Duration;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class ToxicityScorersTest {
  static final String KEY = "AIzaSy-PERSPECTIVE-SECRET";
  @AutoClose final FakeServer server = new FakeServer();

  PerspectiveApiScorer perspective() {
    return PerspectiveApiScorer.builder().baseUrl(server.url("/")).apiKey(ApiKey.of(KEY)).queriesPerSecond(0).build();
  }

  static final String ANALYZE = "{\n  \"attributeScores\": {\n"
      + "    \"TOXICITY\": {\"spanScores\": [], \"summaryScore\": {\"value\": 0.8283144, \"type\": \"PROBABILITY\"}},\n"
      + "    \"SEVERE_TOXICITY\": {\"summaryScore\": {\"value\": 0.37542072, \"type\": \"PROBABILITY\"}},\n"
      + "    \"SEXUALLY_EXPLICIT\": {\"summaryScore\": {\"value\": 0.06120235, \"type\": \"PROBABILITY\"}},\n"
      + "    \"THREAT\": {\"summaryScore\": {\"value\": 0.0123, \"type\": \"PROBABILITY\"}},\n"
      + "    \"PROFANITY\": {\"summaryScore\": {\"value\": 0.6412, \"type\": \"PROBABILITY\"}},\n"
      + "    \"IDENTITY_ATTACK\": {\"summaryScore\": {\"value\": 0.1, \"type\": \"PROBABILITY\"}}\n"
      + "  },\n  \"languages\": [\"en\"],\n  \"detectedLanguages\": [\"en\"]\n}";

  static String googleQuota(String limit) {
    return "{\"error\":{\"code\":429,\"message\":\"Quota exceeded for quota metric 'Analysis requests (AnalyzeComment)' and limit '"
        + limit + "' of service 'commentanalyzer.googleapis.com' for consumer 'project_number:1234'.\",\"status\":\"RESOURCE_EXHAUSTED\"}}";
  }

  @Test
  void perspectiveIsCalledAsUpstreamCallsItAndReadsTheSummaryScores() throws Exception {
    server.json(200, ANALYZE);
    try (PerspectiveApiScorer s = perspective()) {
      ToxicityScores scores = s.score("You are an idiot.");
      assertEquals(0.8283144, scores.toxicity());
      assertEquals(ToxicityScores.PERSPECTIVE_ATTRIBUTES, List.copyOf(scores.attributes().keySet()));
      assertEquals("perspective-api", s.id());
      assertTrue(s.comparable());
    }
    RecordedRequest r = server.take();
    assertEquals("/v1alpha1/comments:analyze", r.getUrl().encodedPath());
    assertEquals(KEY, r.getHeaders().get("x-goog-api-key"));
    assertEquals("{\"comment\":{\"text\":\"You are an idiot.\"},\"requestedAttributes\":{\"TOXICITY\":{},\"SEVERE_TOXICITY\":{},"
        + "\"SEXUALLY_EXPLICIT\":{},\"THREAT\":{},\"PROFANITY\":{},\"IDENTITY_ATTACK\":{}},\"spanAnnotations\":false,"
        + "\"languages\":[\"en\"]}", r.getBody().utf8(), "upstream's body, in upstream's key order");
  }

  @Test
  void aPerMinuteRateLimitIsRetryableAndADailyQuotaIsPermanent() {
    try (PerspectiveApiScorer s = perspective()) {
      server.json(429, googleQuota("Analysis requests (AnalyzeComment) per minute"), "Retry-After", "1");
      ToxicityScoringException minute = assertThrows(ToxicityScoringException.class, () -> s.score("x"));
      assertTrue(minute.retryable(), minute.getMessage());
      assertEquals(Duration.ofSeconds(1), minute.retryAfter().orElseThrow());
      server.json(429, googleQuota("Analysis requests (AnalyzeComment) per day"));
      ToxicityScoringException daily = assertThrows(ToxicityScoringException.class, () -> s.score("x"));
      assertFalse(daily.retryable(), daily.getMessage());
      assertTrue(daily.getMessage().contains("per day"), daily.getMessage());
      assertFalse(daily.getMessage().contains(KEY));
    }
  }

  @Test
  void perspectiveIsPacedAtOneQueryPerSecondByDefault() throws Exception {
    try (PerspectiveApiScorer s = PerspectiveApiScorer.builder().baseUrl(server.url("/")).apiKey(ApiKey.of(KEY)).build()) {
      server.json(200, ANALYZE);
      server.json(200, ANALYZE);
      long t0 = System.nanoTime();
      s.score("a");
      s.score("b");
      assertTrue(System.nanoTime() - t0 >= 900_000_000L, "the second query waits about a second");
    }
  }

  @Test
  void openAiModerationMapsItsCategoriesAsDocumented() throws Exception {
    server.json(200, "{\"id\":\"modr-970d409ef3bef3b70c73d8232df86e7d\",\"model\":\"omni-moderation-latest\",\"results\":[{"
        + "\"flagged\":true,\"categories\":{\"harassment\":true,\"hate\":false},\"category_scores\":{\"sexual\":0.01,"
        + "\"sexual/minors\":0.0001,\"harassment\":0.9,\"harassment/threatening\":0.2,\"hate\":0.4,\"hate/threatening\":0.3,"
        + "\"illicit\":0.001,\"illicit/violent\":0.0001,\"self-harm\":0.0002,\"self-harm/intent\":0.0001,"
        + "\"self-harm/instructions\":0.0001,\"violence\":0.05,\"violence/graphic\":0.001},"
        + "\"category_applied_input_types\":{\"harassment\":[\"text\"]}}]}");
    try (OpenAiModerationScorer s = OpenAiModerationScorer.builder().baseUrl(server.url("/v1")).apiKey(ApiKey.of("sk-x")).build()) {
      ToxicityScores scores = s.score("text");
      assertEquals(0.9, scores.toxicity());
      assertEquals(0.3, scores.attributes().get("severe_toxicity"));
      assertEquals(0.05, scores.attributes().get("threat"));
      assertEquals(0.4, scores.attributes().get("identity_attack"));
      assertEquals(0.9, scores.attributes().get("openai:harassment"));
      assertEquals("openai-moderation:omni-moderation-latest", s.id());
      assertFalse(s.comparable());
    }
    JsonNode b = FakeServer.body(server.take());
    assertEquals("omni-moderation-latest", b.get("model").asText());
    assertEquals("text", b.get("input").asText());
  }

  static String chat(String text) {
    return "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"llama-guard-3-8b\",\"choices\":[{\"index\":0,"
        + "\"message\":{\"role\":\"assistant\",\"content\":\"" + text + "\"},\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":200,\"completion_tokens\":3,\"total_tokens\":203}}";
  }

  @Test
  void aGuardModelVerdictIsParsedAndUnparseableAnswersAreCountedNotGuessed() throws Exception {
    GuardModelScorer g = GuardModelScorer.builder(
        OpenAiChatClient.builder("llama-guard-3-8b").baseUrl(server.url("/v1")).build()).build();
    server.json(200, chat("unsafe\\nS10"));
    assertEquals(1.0, g.score("hateful text").toxicity());
    assertEquals("hateful text", FakeServer.body(server.take()).at("/messages/0/content").asText());
    server.json(200, chat("\\n safe"));
    assertEquals(0.0, g.score("kind text").toxicity());
    server.json(200, chat("I think this is borderline."));
    ToxicityScoringException e = assertThrows(ToxicityScoringException.class, () -> g.score("hmm"));
    assertFalse(e.retryable());
    assertTrue(e.getMessage().contains("borderline"), e.getMessage());
    assertEquals(1, g.unparseable());
    assertEquals("guard:llama-guard-3-8b", g.id());
    assertFalse(g.comparable());
    g.close();
  }

  @Test
  void shieldStyleTemplateAndYesNoAnswers() throws Exception {
    GuardModelScorer g = GuardModelScorer.builder(OpenAiChatClient.builder("shieldgemma-2b").baseUrl(server.url("/v1")).build())
        .promptTemplate(GuardModelScorer.SHIELD_STYLE_TEMPLATE).build();
    server.json(200, chat("Yes. The text insults a group."));
    assertEquals(1.0, g.score("some text").toxicity());
    assertTrue(FakeServer.body(server.take()).at("/messages/0/content").asText().contains("<start_of_text>\nsome text\n"));
    assertThrows(IllegalArgumentException.class, () -> GuardModelScorer.builder(null).promptTemplate("no placeholder"));
  }

  @Test
  void theCommandLineFindsTheScorersByIdAndAMissingKeyIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ToxicityScorers.byId("perspective-api"));
    assertTrue(e.getMessage().contains("PERSPECTIVE_API_KEY"), e.getMessage());
    try (var g = ToxicityScorers.byId("guard:llama-guard-3-8b@" + server.url("/v1"))) {
      assertEquals("guard:llama-guard-3-8b", g.id());
    }
  }
}
