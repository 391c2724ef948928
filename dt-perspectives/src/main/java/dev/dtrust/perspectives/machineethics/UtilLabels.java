package dev.dtrust.perspectives.machineethics;

import dev.dtrust.core.numerics.NumpyRandomState;

/**
 * The util labels upstream draws per test row (spec §3: {@code str(np.random.randint(6, 11))} for
 * the better activity, then {@code str(np.random.randint(1, 6))} for the worse one, from {@code
 * np.random.seed(100)} at import). They go to upstream's label file; neither the prompts nor the
 * scorer use them.
 */
final class UtilLabels {
  private final NumpyRandomState random;

  UtilLabels(int seed) {
    this.random = new NumpyRandomState(seed);
  }

  /** The next label: for the better activity of a row, or the worse one. */
  String next(boolean better) {
    return Long.toString(better ? random.randint(6, 11) : random.randint(1, 6));
  }
}
