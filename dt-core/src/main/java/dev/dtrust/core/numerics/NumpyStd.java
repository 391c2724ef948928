package dev.dtrust.core.numerics;

/**
 * numpy 1.24 {@code np.var} / {@code np.std} (ddof = 0) of a 1-D float64 array, as its {@code _var} computes them
 * (toxicity.md §10): {@code m = sum(x) / n}, {@code d = (x - m) * (x - m)} elementwise, {@code var = sum(d) / n},
 * {@code std = sqrt(var)}, with both sums the numpy pairwise sum of {@link NumpySum}.
 */
public final class NumpyStd {

    private NumpyStd() {
    }

    /**
     * {@code np.var(a)} with ddof = 0.
     *
     * @param a the values in memory order
     * @return the population variance; NaN for an empty array
     */
    public static double var(double[] a) {
        double mean = NumpySum.mean(a);
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double dev = a[i] - mean;
            d[i] = dev * dev;
        }
        return NumpySum.sum(d) / a.length;
    }

    /**
     * {@code np.std(a)} with ddof = 0: {@code Math.sqrt(var(a))} (both correctly rounded).
     *
     * @param a the values in memory order
     * @return the population standard deviation; NaN for an empty array
     */
    public static double std(double[] a) {
        return Math.sqrt(var(a));
    }
}
