package dev.dtrust.clients.toxicity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dtrust.clients.http.CallHandle;
import dev.dtrust.clients.http.JsonEndpoint;
import dev.dtrust.core.model.ModelException;
import dev.dtrust.core.toxicity.ToxicityScoringException;

/**
 * An HTTP scorer's endpoint: a failed call becomes a {@link ToxicityScoringException} with the
 * same message, retry class and server wait, so the engine treats scoring failures like model
 * failures.
 */
final class ScoringEndpoint implements AutoCloseable {
  private final JsonEndpoint endpoint;

  ScoringEndpoint(JsonEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  /** One POST; {@code estimatedTokens} is booked with the rate governor (providers report none back). */
  JsonNode post(ObjectNode body, long estimatedTokens) {
    try {
      return endpoint.post(body, estimatedTokens, json -> 0, CallHandle.none());
    } catch (ModelException e) {
      throw new ToxicityScoringException(e.getMessage(), e.retryable(), e.retryAfter().orElse(null), null);
    }
  }

  long calls() {
    return endpoint.calls();
  }

  String host() {
    return endpoint.url().host();
  }

  @Override
  public void close() {
    endpoint.close();
  }
}
