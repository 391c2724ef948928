package dev.dtrust.clients.toxicity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dtrust.clients.http.ApiKeyHeader;
import dev.dtrust.clients.http.HttpClientBuilder;
import dev.dtrust.clients.http.HttpClientSettings;
import dev.dtrust.clients.http.JsonHttp;
import dev.dtrust.core.toxicity.ToxicityScorer;
import dev.dtrust.core.toxicity.ToxicityScores;
import dev.dtrust.core.toxicity.ToxicityScoringException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

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

  private final ScoringEndpoint endpoint;
  private final QueryPacer pacer;

  private PerspectiveApiScorer(Builder b, HttpClientSettings settings) {
    Objects.requireNonNull(settings.apiKey(), "an API key");
    this.endpoint = new ScoringEndpoint(
        settings.endpoint("perspective", "v1alpha1/comments:analyze", ApiKeyHeader.GOOGLE, Map.of()));
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
    return endpoint.calls();
  }

  @Override
  public ToxicityScores score(String text) {
    try {
      pacer.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ToxicityScoringException("perspective: interrupted while pacing", false);
    }
    JsonNode json = endpoint.post(body(text), 0);
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
    endpoint.close();
  }

  @Override
  public String toString() {
    return "PerspectiveApiScorer[" + endpoint.host() + "]";
  }

  /**
   * Options of a {@link PerspectiveApiScorer}. An API key is required (usually from {@code
   * PERSPECTIVE_API_KEY}). The base URL is the host (default {@value PerspectiveApiScorer#BASE_URL}),
   * {@code /v1alpha1/comments:analyze} is appended; the default timeout is 60 seconds.
   */
  public static final class Builder extends HttpClientBuilder<Builder> {
    private double queriesPerSecond = 1.0;

    /** Same as {@code builder()}. */
    public Builder() {
      super(BASE_URL, "v1alpha1", Duration.ofSeconds(60));
    }

    /** Queries per second (default 1, Perspective's default quota; 0: unthrottled). */
    public Builder queriesPerSecond(double qps) {
      new QueryPacer(qps);
      this.queriesPerSecond = qps;
      return this;
    }

    public PerspectiveApiScorer build() {
      return new PerspectiveApiScorer(this, settings());
    }
  }
}
