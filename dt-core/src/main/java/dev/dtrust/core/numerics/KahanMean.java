package dev.dtrust.core.numerics;

/**
 * pandas 1.5 {@code groupby().mean()} on a float column (numerics.md §8): Kahan-compensated summation in row order,
 * NaN values skipped, then one division by the count of non-NaN values. Differs from both a naive loop and numpy's
 * pairwise sum.
 */
public final class KahanMean {

    private KahanMean() {
    }

    /**
     * The Kahan-compensated sum of the non-NaN values, in order.
     *
     * @param values the column values in row order
     * @return the compensated sum; {@code 0.0} when there are no non-NaN values
     */
    public static double sum(double[] values) {
        double sum = 0.0;
        double c = 0.0;
        for (double x : values) {
            if (Double.isNaN(x)) {
                continue;
            }
            double y = x - c;
            double t = sum + y;
            c = (t - sum) - y;
            sum = t;
        }
        return sum;
    }

    /**
     * {@link #sum(double[])} divided by the number of non-NaN values.
     *
     * @param values the column values in row order
     * @return the pandas group mean; NaN when there are no non-NaN values
     */
    public static double mean(double[] values) {
        int count = 0;
        for (double x : values) {
            if (!Double.isNaN(x)) {
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum(values) / count;
    }
}
