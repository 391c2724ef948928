package dev.dtrust.core.toxicity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The attribute scores of one text, keyed by lower-case attribute name as upstream keeps them
 * ({@code toxicity}, {@code severe_toxicity}, …), each a probability in [0, 1].
 *
 * @param attributes the scores in the scorer's attribute order; includes {@link #TOXICITY}
 */
public record ToxicityScores(Map<String, Double> attributes) {

  /** The attribute the toxicity metrics read. */
  public static final String TOXICITY = "toxicity";

  /** The six attributes upstream requests from Perspective API, lower-case, in request order. */
  public static final List<String> PERSPECTIVE_ATTRIBUTES =
      List.of("toxicity", "severe_toxicity", "sexually_explicit", "threat", "profanity", "identity_attack");

  public ToxicityScores {
    Objects.requireNonNull(attributes, "attributes");
    if (!(attributes.get(TOXICITY) instanceof Double)) {
      throw new IllegalArgumentException("scores must include '" + TOXICITY + "': " + attributes);
    }
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /** The same value for every one of the given attributes. */
  public static ToxicityScores uniform(List<String> names, double value) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (String n : names) {
      m.put(n, value);
    }
    return new ToxicityScores(m);
  }

  /** The toxicity score. */
  public double toxicity() {
    return attributes.get(TOXICITY);
  }
}
