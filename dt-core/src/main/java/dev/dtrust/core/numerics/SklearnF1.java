package dev.dtrust.core.numerics;

import java.util.Objects;

/**
 * scikit-learn 1.1 {@code f1_score(y_true, y_pred)} for binary labels with {@code pos_label=1}, as
 * upstream pins it ({@code scikit-learn~=1.1.2}): {@code p = tp/(tp+fp)}, {@code r = tp/(tp+fn)},
 * {@code f1 = ((2.0*p)*r)/(p+r)}, and {@code 0.0} when {@code p + r == 0}. This is not the textbook
 * {@code 2tp/(2tp+fp+fn)} (used by later releases), which differs in the last bit for many counts:
 * tp=1, fp=0, fn=4 gives {@code 0.33333333333333337} here, {@code 0.3333333333333333} there.
 */
public final class SklearnF1 {

  private SklearnF1() {}

  /**
   * The binary F1 of predictions against gold labels, positive class 1.
   *
   * @param yTrue gold labels
   * @param yPred predictions, same length
   * @return the F1 score as scikit-learn 1.1 computes it
   */
  public static double binary(int[] yTrue, int[] yPred) {
    Objects.requireNonNull(yTrue, "yTrue");
    Objects.requireNonNull(yPred, "yPred");
    if (yTrue.length != yPred.length) {
      throw new IllegalArgumentException("yTrue has " + yTrue.length + " labels, yPred " + yPred.length);
    }
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (int i = 0; i < yTrue.length; i++) {
      boolean t = yTrue[i] == 1;
      boolean p = yPred[i] == 1;
      if (t && p) {
        tp++;
      } else if (p) {
        fp++;
      } else if (t) {
        fn++;
      }
    }
    return fromCounts(tp, fp, fn);
  }

  /**
   * The F1 from confusion counts, with scikit-learn 1.1's zero-division handling (precision or
   * recall 0 when its denominator is 0; F1 0 when both are 0).
   */
  public static double fromCounts(long tp, long fp, long fn) {
    double precision = tp + fp == 0 ? 0.0 : (double) tp / (double) (tp + fp);
    double recall = tp + fn == 0 ? 0.0 : (double) tp / (double) (tp + fn);
    double denom = precision + recall;
    if (denom == 0.0) {
      return 0.0;
    }
    return ((2.0 * precision) * recall) / denom;
  }
}
