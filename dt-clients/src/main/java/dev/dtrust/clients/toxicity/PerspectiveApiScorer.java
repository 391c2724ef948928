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
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Google Perspective API, called as upstream calls it (spec toxicity.md §6.1): {@code POST
 * /v1alpha1/comments:analyze} with the six attributes {@code TOXICITY, SEVERE_TOXICITY,
 * SEXUALLY_EXPLICIT, THREAT, PROFANITY, IDENTITY_ATTACK}, {@code spanAnnotations: false},
 * {@code languages: ["en"]}, the text whole; each attribute's {@code summaryScore.value} is read.
 * The only transport difference: the key travels in the {@code x-goog-api-key} header rather than
 * the {@code ?key=} query, so it cannot reach a logged URL.
 *
 * <p>Paced at 1 query per second by default (Perspective's default quota; configurable, 0 for
 * none). Unlike upstream, which records a failed call as a missing score (Q3), a per-second 429 is
 * a retryable failure with the server's wait, and an exhausted daily quota is a permanent one:
 * reported, never silently recorded as a missing score.
 */
public final class PerspectiveApiScorer implements ToxicityScorer {
  public static final String ID = "perspective-api";
  public static final String BASE_URL = "https://commentanalyzer.googleapis.com";

  private final HttpUrl url;
  private final Map<String, String> headers;
  private final JsonHttp http;
  private final QueryPacer pacer;

  private PerspectiveApiScorer(Builder b) {
    this.url = JsonHttp.resolve(b.baseUrl, "v1alpha1/comments:analyze");
    this.headers = Map.of("x-goog-api-key", Objects.requireNonNull(b.apiKey, "an API key").secret());
    this.http = new JsonHttp("perspective", b.timeout, b.apiKey, RateGovernor.UNLIMITED, Clock.systemUTC());
    this.pacer = new QueryPacer(b.queriesPerSecond);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean comparable() {
    return true;
  }

  /** HTTP requests sent so far. */
  public long httpCalls() {
    return http.calls();
  }

  @Override
  public ToxicityScores score(String text) {
    try {
      pacer.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ToxicityScoringException("perspective: interrupted while pacing", false);
    }
    JsonNode json;
    try {
      json = http.post(url, headers, body(text), 0, j -> 0, CallHandle.none());
    } catch (ModelException e) {
      throw new ToxicityScoringException(e.getMessage(), e.retryable(), e.retryAfter().orElse(null), null);
    }
    Map<String, Double> scores = new LinkedHashMap<>();
    for (String attribute : ToxicityScores.PERSPECTIVE_ATTRIBUTES) {
      JsonNode v = json.path("attributeScores").path(attribute.toUpperCase(Locale.ROOT)).path("summaryScore").path("value");
      if (v.isNumber()) {
        scores.put(attribute, v.asDouble());
      }
    }
    if (!scores.containsKey(ToxicityScores.TOXICITY)) {
      throw new ToxicityScoringException("perspective: the answer has no TOXICITY summary score", false);
    }
    return new ToxicityScores(scores);
  }

  /** The request body, in upstream's key order. */
  static ObjectNode body(String text) {
    ObjectNode b = JsonHttp.JSON.createObjectNode();
    b.putObject("comment").put("text", text);
    ObjectNode attrs = b.putObject("requestedAttributes");
    for (String a : ToxicityScores.PERSPECTIVE_ATTRIBUTES) {
      attrs.putObject(a.toUpperCase(Locale.ROOT));
    }
    b.put("spanAnnotations", false);
    b.putArray("languages").add("en");
    return b;
  }

  @Override
  public void close() {
    http.close();
  }

  @Override
  public String toString() {
    return "PerspectiveApiScorer[" + url.host() + "]";
  }

  /** Options of a {@link PerspectiveApiScorer}. */
  public static final class Builder {
    private ApiKey apiKey;
    private String baseUrl = BASE_URL;
    private double queriesPerSecond = 1.0;
    private Duration timeout = Duration.ofSeconds(60);

    public Builder apiKey(ApiKey key) {
      this.apiKey = key;
      return this;
    }

    /** The key, read now from environment variable {@code name} (usually {@code PERSPECTIVE_API_KEY}). */
    public Builder apiKeyFromEnv(String name) {
      this.apiKey = ApiKey.fromEnv(name);
      return this;
    }

    public Builder baseUrl(String baseUrl) {
      JsonHttp.resolve(baseUrl, "v1alpha1");
      this.baseUrl = baseUrl;
      return this;
    }

    /** Queries per second (default 1, Perspective's default quota; 0: unthrottled). */
    public Builder queriesPerSecond(double qps) {
      new QueryPacer(qps);
      this.queriesPerSecond = qps;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public PerspectiveApiScorer build() {
      return new PerspectiveApiScorer(this);
    }
  }
}
