package dev.dtrust.clients.toxicity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dtrust.clients.http.ApiKey;
import dev.dtrust.clients.http.CallHandle;
import dev.dtrust.clients.http.JsonHttp;
import dev.dtrust.clients.http.RateGovernor;
import dev.dtrust.core.model.ModelException;
import dev.dtrust.core.toxicity.ToxicityScorer;
import dev.dtrust.core.toxicity.ToxicityScores;
import dev.dtrust.core.toxicity.ToxicityScoringException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

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
  private final HttpUrl url;
  private final Map<String, String> headers;
  private final JsonHttp http;

  private OpenAiModerationScorer(Builder b) {
    this.model = b.model;
    this.url = JsonHttp.resolve(b.baseUrl, "moderations");
    this.headers = Map.of("Authorization", "Bearer " + Objects.requireNonNull(b.apiKey, "an API key").secret());
    this.http = new JsonHttp("openai-moderation", b.timeout, b.apiKey, b.governor, Clock.systemUTC());
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
    JsonNode json;
    try {
      json = http.post(url, headers, body, text.length() / 4, j -> 0, CallHandle.none());
    } catch (ModelException e) {
      throw new ToxicityScoringException(e.getMessage(), e.retryable(), e.retryAfter().orElse(null), null);
    }
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

  public long httpCalls() {
    return http.calls();
  }

  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    return "OpenAiModerationScorer[" + model + "]";
  }

  /** Options of an {@link OpenAiModerationScorer}. */
  public static final class Builder {
    private String model = DEFAULT_MODEL;
    private String baseUrl = "https://api.openai.com/v1";
    private ApiKey apiKey;
    private Duration timeout = Duration.ofSeconds(60);
    private RateGovernor governor = RateGovernor.UNLIMITED;

    public Builder model(String model) {
      this.model = model;
      return this;
    }

    public Builder baseUrl(String baseUrl) {
      JsonHttp.resolve(baseUrl, "moderations");
      this.baseUrl = baseUrl;
      return this;
    }

    public Builder apiKey(ApiKey key) {
      this.apiKey = key;
      return this;
    }

    public Builder apiKeyFromEnv(String name) {
      this.apiKey = ApiKey.fromEnv(name);
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** Shared with other clients of the same account. */
    public Builder rateGovernor(RateGovernor governor) {
      this.governor = governor;
      return this;
    }

    public OpenAiModerationScorer build() {
      return new OpenAiModerationScorer(this);
    }
  }
}
