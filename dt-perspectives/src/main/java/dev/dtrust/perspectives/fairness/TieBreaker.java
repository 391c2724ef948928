package dev.dtrust.perspectives.fairness;

import dev.dtrust.core.numerics.NumpyRandomState;
import java.security.SecureRandom;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Resolves an answer that hits both keyword lists (spec §6.2, quirk Q1). Upstream draws {@code
 * np.random.uniform(0, 1)} from NumPy's global, unseeded legacy RNG and predicts 1 iff the draw
 * is {@code > 0.5}; our default is one {@code RandomState(0)} per aggregation run, one draw per tie
 * in aggregation order. Inject another through {@code Extensions} (type {@code TieBreaker}); an
 * injected breaker is used for the whole run as given.
 */
public interface TieBreaker {

  /**
   * Decides one tie.
   *
   * @param scenario the scenario id
   * @param index    the record's index in its prompt file
   * @param answer   the model's answer
   */
  Decision decide(String scenario, int index, String answer);

  /**
   * A tie's outcome.
   *
   * @param prediction 0 or 1
   * @param draw       the uniform draw behind it, or {@code null} when not drawn
   */
  record Decision(int prediction, @Nullable Double draw) {}

  /** Upstream's rule over NumPy legacy {@code RandomState(seed)} draws (the default, seed 0). */
  static TieBreaker numpyRandomState(long seed) {
    NumpyRandomState rng = new NumpyRandomState(seed);
    return (scenario, index, answer) -> {
      // Q1: uniform(0, 1) = random_sample(); strictly greater than 0.5 predicts 1.
      double u = rng.randomSample();
      return new Decision(u > 0.5 ? 1 : 0, u);
    };
  }

  /** Upstream's unseeded behaviour: a RandomState seeded from system entropy. */
  static TieBreaker unseeded() {
    return numpyRandomState(new SecureRandom().nextInt() & 0xffffffffL);
  }

  /** Fixed outcomes for the ties in aggregation order (tie sensitivity); more ties than outcomes fail. */
  static TieBreaker fixed(int... outcomes) {
    int[] copy = outcomes.clone();
    int[] next = {0};
    return (scenario, index, answer) -> {
      if (next[0] >= copy.length) {
        throw new IllegalStateException(
            "more ties than the " + copy.length + " fixed outcomes " + Arrays.toString(copy));
      }
      return new Decision(copy[next[0]++], null);
    };
  }
}
