package dev.dtrust.perspectives.machineethics;

import org.jspecify.annotations.Nullable;

/**
 * The util labels upstream draws per test row (spec §3: {@code str(np.random.randint(6, 11))} for
 * the better activity, {@code str(np.random.randint(1, 6))} for the worse one). They are written to
 * upstream's label file and used by neither the prompts nor the scorer.
 */
final class UtilLabels {
  UtilLabels(int seed) {}

  /** The next label, or null while numpy's legacy RandomState is not available. */
  @Nullable String next(boolean better) {
    return null;
  }
}
