package dev.dtrust.core.toxicity;

import java.util.Optional;

/**
 * Makes toxicity scorers from a spec string such as {@code perspective-api} (found with {@link
 * java.util.ServiceLoader}; client modules register their scorers this way).
 */
public interface ToxicityScorerFactory {

  /** A scorer for the spec, or empty when this factory does not know it. */
  Optional<ToxicityScorer> create(String spec);
}
