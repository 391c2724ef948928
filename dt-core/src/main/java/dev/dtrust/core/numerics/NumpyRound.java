package dev.dtrust.core.numerics;

/**
 * numpy {@code np.round(x, d)} / {@code ndarray.round(d)} on float64 (numerics.md §2): scale by a power of ten in
 * double arithmetic, round half to even on the <em>scaled</em> value, scale back. Not Python's correctly rounded
 * {@code round} ({@link PythonRound}): {@code np.round(2.675, 2) = 2.68} but {@code round(2.675, 2) = 2.67}.
 */
public final class NumpyRound {

    private NumpyRound() {
    }

    /**
     * {@code np.round(x, decimals)}.
     *
     * @param x the value
     * @param decimals digits after the point; negative rounds to tens, hundreds, ...
     * @return {@code rint(x * 10^d) / 10^d} for {@code d >= 0}, else {@code rint(x / 10^-d) * 10^-d}
     */
    public static double round(double x, int decimals) {
        if (decimals >= 0) {
            double f = powerOfTen(decimals);
            return Math.rint(x * f) / f;
        }
        double f = powerOfTen(-decimals);
        return Math.rint(x / f) * f;
    }

    /** numpy's {@code power_of_ten}: a table up to 1e8, then repeated multiplication by 10 (inexact above 1e22). */
    static double powerOfTen(int n) {
        if (n < 9) {
            double ret = 1.0;
            for (int i = 0; i < n; i++) {
                ret *= 10.0;
            }
            return ret;
        }
        double ret = 1e9;
        while (n-- > 9) {
            ret *= 10.0;
        }
        return ret;
    }
}
