package dev.dtrust.core.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SklearnF1Test {

  @Test
  void scikitLearn11FormulaNotTextbook() {
    // advglue.md §5: sklearn 1.1 gives 0.33333333333333337 where 2tp/(2tp+fp+fn) gives 0.3333333333333333.
    assertEquals(0.33333333333333337, SklearnF1.fromCounts(1, 0, 4));
    assertEquals(0.3333333333333333, 2.0 * 1 / (2 * 1 + 0 + 4));
  }

  @Test
  void zeroTruePositivesGiveZero() {
    assertEquals(0.0, SklearnF1.fromCounts(0, 3, 2));
    assertEquals(0.0, SklearnF1.fromCounts(0, 0, 0));
    assertEquals(0.0, SklearnF1.binary(new int[] {0, 0}, new int[] {0, 0}));
  }

  @Test
  void binaryCountsPositiveClassOne() {
    // tp=2 (i0,i1), fp=1 (i2), fn=1 (i3): p=2/3, r=2/3.
    int[] yTrue = {1, 1, 0, 1, 0};
    int[] yPred = {1, 1, 1, 0, 0};
    double p = 2.0 / 3.0;
    assertEquals(((2.0 * p) * p) / (p + p), SklearnF1.binary(yTrue, yPred));
  }
}
