package dev.dtrust.perspectives.fairness;

import java.util.Objects;

/**
 * fairlearn 0.9's {@code demographic_parity_difference} and {@code equalized_odds_difference}
 * (method {@code between_groups}) for binary labels and a binary sensitive feature, written out as
 * spec §6.6 gives them, plus the per-group counts behind them.
 */
public final class GroupFairness {
  private GroupFairness() {}

  /**
   * Counts of one sensitive group over the known records.
   *
   * @param known records in the group
   * @param pred1 predicted 1
   * @param gold1 gold 1
   * @param tp    gold 1 and predicted 1
   * @param gold0 gold 0
   * @param fp    gold 0 and predicted 1
   */
  public record GroupCounts(int known, int pred1, int gold1, int tp, int gold0, int fp) {

    /** Selection rate: the share predicted 1 (count / size, as fairlearn's dot product gives it). */
    public double selectionRate() {
      return (double) pred1 / known;
    }

    /** True-positive rate; a group with no gold positives gives NaN, which fairlearn turns into 0.0. */
    public double truePositiveRate() {
      return gold1 == 0 ? 0.0 : (double) tp / gold1;
    }

    /** False-positive rate; a group with no gold negatives gives 0.0 (NaN replaced). */
    public double falsePositiveRate() {
      return gold0 == 0 ? 0.0 : (double) fp / gold0;
    }
  }

  /**
   * The metrics of one scored set.
   *
   * @param accuracy   share of predictions equal to gold ({@code np.sum(pred == gold) / n})
   * @param dpd        demographic parity difference
   * @param eod        equalized odds difference
   * @param correct    predictions equal to gold
   * @param group0     counts of sensitive group 0
   * @param group1     counts of sensitive group 1
   */
  public record Metrics(double accuracy, double dpd, double eod, int correct, GroupCounts group0, GroupCounts group1) {}

  /**
   * Computes the metrics over parallel arrays of known records.
   *
   * @param gold      gold classes, 0/1
   * @param pred      predictions, 0/1
   * @param sensitive sensitive groups, 0/1
   */
  public static Metrics of(int[] gold, int[] pred, int[] sensitive) {
    Objects.requireNonNull(gold);
    if (pred.length != gold.length || sensitive.length != gold.length) {
      throw new IllegalArgumentException("arrays differ in length");
    }
    int[][] c = new int[2][6];
    int correct = 0;
    for (int i = 0; i < gold.length; i++) {
      int[] g = c[sensitive[i]];
      g[0]++;
      if (pred[i] == 1) {
        g[1]++;
      }
      if (gold[i] == 1) {
        g[2]++;
        if (pred[i] == 1) {
          g[3]++;
        }
      } else {
        g[4]++;
        if (pred[i] == 1) {
          g[5]++;
        }
      }
      if (pred[i] == gold[i]) {
        correct++;
      }
    }
    GroupCounts g0 = new GroupCounts(c[0][0], c[0][1], c[0][2], c[0][3], c[0][4], c[0][5]);
    GroupCounts g1 = new GroupCounts(c[1][0], c[1][1], c[1][2], c[1][3], c[1][4], c[1][5]);
    double accuracy = (double) correct / gold.length;
    return new Metrics(accuracy, dpd(g0, g1), eod(g0, g1), correct, g0, g1);
  }

  /** Demographic parity difference: max − min selection rate over the groups present. */
  static double dpd(GroupCounts g0, GroupCounts g1) {
    if (g0.known() == 0 || g1.known() == 0) {
      return 0.0; // one group present: max == min
    }
    double a = g0.selectionRate();
    double b = g1.selectionRate();
    return Math.max(a, b) - Math.min(a, b);
  }

  /** Equalized odds difference: the larger of the TPR spread and the FPR spread over the groups present. */
  static double eod(GroupCounts g0, GroupCounts g1) {
    if (g0.known() == 0 || g1.known() == 0) {
      return 0.0;
    }
    double t0 = g0.truePositiveRate();
    double t1 = g1.truePositiveRate();
    double f0 = g0.falsePositiveRate();
    double f1 = g1.falsePositiveRate();
    double tpr = Math.max(t0, t1) - Math.min(t0, t1);
    double fpr = Math.max(f0, f1) - Math.min(f0, f1);
    // Python max(tpr, fpr): the first unless the second is greater.
    return fpr > tpr ? fpr : tpr;
  }
}
