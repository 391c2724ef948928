package dev.dtrust.clients.toxicity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dtrust.clients.http.ApiKeyHeader;
import dev.dtrust.clients.http.HttpClientBuilder;
import dev.dtrust.clients.http.HttpClientSettings;
import dev.dtrust.clients.http.JsonHttp;
import dev.dtrust.clients.openai.OpenAiChatClient;
import dev.dtrust.core.toxicity.ToxicityScorer;
import dev.dtrust.core.toxicity.ToxicityScores;
import dev.dtrust.core.toxicity.ToxicityScoringException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * OpenAI's moderation endpoint ({@code POST <baseUrl>/moderations}) as a toxicity scorer. Its
 * categories are not Perspective's, so the mapping is stated here and in docs/clients.md:
 *
 * <ul>
 *   <li>{@code toxicity} = max({@code harassment}, {@code hate}) — Perspective's TOXICITY is "rude,
 *       disrespectful or unreasonable", closest to harassment and hate together;
 *   <li>{@code severe_toxicity} = max({@code harassment/threatening}, {@code hate/threatening});
 *   <li>{@code sexually_explicit} = {@code sexual}; {@code threat} = {@code violence};
 *       {@code identity_attack} = {@code hate}; there is no profanity category.
 * </ul>
 * Every category score is also kept under {@code openai:<category>}. Never comparable with the
 * leaderboard.
 */
public final class OpenAiModerationScorer implements ToxicityScorer {
  public static final String DEFAULT_MODEL = "omni-moderation-latest";

  private final String model;
  private final ScoringEndpoint endpoint;

  private OpenAiModerationScorer(Builder b, HttpClientSettings settings) {
    this.model = b.model;
    Objects.requireNonNull(settings.apiKey(), "an API key");
    this.endpoint = new ScoringEndpoint(
        settings.endpoint("openai-moderation", "moderations", ApiKeyHeader.BEARER, Map.of()));
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String id() {
    return "openai-moderation:" + model;
  }

  @Override
  public ToxicityScores score(String text) {
    ObjectNode body = JsonHttp.JSON.createObjectNode();
    body.put("model", model);
    body.put("input", text);
    JsonNode json = endpoint.post(body, text.length() / 4);
    JsonNode c = json.path("results").path(0).path("category_scores");
    if (!c.isObject() || !c.has("harassment") || !c.has("hate")) {
      throw new ToxicityScoringException("openai-moderation: the answer has no category_scores", false);
    }
    Map<String, Double> s = new LinkedHashMap<>();
    s.put("toxicity", Math.max(c.path("harassment").asDouble(), c.path("hate").asDouble()));
    s.put("severe_toxicity", Math.max(c.path("harassment/threatening").asDouble(), c.path("hate/threatening").asDouble()));
    s.put("sexually_explicit", c.path("sexual").asDouble());
    s.put("threat", c.path("violence").asDouble());
    s.put("identity_attack", c.path("hate").asDouble());
    c.fields().forEachRemaining(f -> s.put("openai:" + f.getKey(), f.getValue().asDouble()));
    return new ToxicityScores(s);
  }

  /** HTTP requests sent so far. */
  public long httpCalls() {
    return endpoint.calls();
  }

  @Override
  public void close() {
    endpoint.close();
  }

  @Override
  public String toString() {
    return "OpenAiModerationScorer[" + model + "]";
  }

  /**
   * Options of an {@link OpenAiModerationScorer}. An API key is required. The base URL is the API
   * root up to and including {@code /v1} (default OpenAI's), {@code moderations} is appended; the
   * default timeout is 60 seconds. Give it the rate governor of the other clients of the account.
   */
  public static final class Builder extends HttpClientBuilder<Builder> {
    private String model = DEFAULT_MODEL;

    /** Same as {@code builder()}. */
    public Builder() {
      super(OpenAiChatClient.OPENAI_BASE_URL, "moderations", Duration.ofSeconds(60));
    }

    /** The moderation model (default {@value OpenAiModerationScorer#DEFAULT_MODEL}). */
    public Builder model(String model) {
      this.model = model;
      return this;
    }

    public OpenAiModerationScorer build() {
      return new OpenAiModerationScorer(this, settings());
    }
  }
}
