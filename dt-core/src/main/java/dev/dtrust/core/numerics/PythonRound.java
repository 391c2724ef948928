package dev.dtrust.core.numerics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Python 3.11 rounding and fixed-point formatting of floats (numerics.md §2): correctly rounded from the exact binary
 * value, exact decimal ties to even. Java's {@code String.format("%.2f")} rounds ties up and differs
 * ({@code '%.2f' % 0.125 == '0.12'}, Java {@code "0.13"}).
 */
public final class PythonRound {

    private PythonRound() {
    }

    /**
     * Python {@code round(x, decimals)} for a float.
     *
     * @param x the value
     * @param decimals digits after the point; may be negative
     * @return the double nearest to x rounded half-even to {@code decimals} places; NaN and infinities unchanged;
     *     a zero result keeps the sign of x (Python {@code round(-0.001, 2) == -0.0})
     */
    public static double round(double x, int decimals) {
        if (!Double.isFinite(x) || x == 0.0) {
            return x;
        }
        if (decimals > 400) {
            return x; // every double is already exact at this scale
        }
        BigDecimal rounded = new BigDecimal(x).setScale(Math.max(decimals, -400), RoundingMode.HALF_EVEN);
        double result = Double.parseDouble(rounded.toString());
        return result == 0.0 ? Math.copySign(0.0, x) : result;
    }

    /**
     * Python {@code round(x)} without digits: the nearest integer, ties to even ({@code round(2.5) == 2}).
     *
     * @param x the value
     * @return the rounded integer
     * @throws ArithmeticException if x is NaN, infinite or outside the {@code long} range (Python raises
     *     ValueError / OverflowError for the first two)
     */
    public static long round(double x) {
        if (Double.isNaN(x)) {
            throw new ArithmeticException("cannot convert float NaN to integer");
        }
        double r = Math.rint(x);
        if (r >= 0x1p63 || r < -0x1p63) {
            throw new ArithmeticException("round(" + x + ") does not fit in a long");
        }
        return (long) r;
    }

    /**
     * What Python writes for {@code '%.{decimals}f' % x} (also {@code format(x, '.Nf')} and f-strings).
     *
     * @param x the value
     * @param decimals digits after the point, at least 0
     * @return e.g. {@code "0.12"} for (0.125, 2), {@code "2"} for (2.5, 0), {@code "-0.00"} for (-0.001, 2),
     *     {@code "nan"}, {@code "inf"}, {@code "-inf"}
     * @throws IllegalArgumentException if {@code decimals} is negative
     */
    public static String format(double x, int decimals) {
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must be >= 0, got " + decimals);
        }
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        String text = new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        // BigDecimal has no negative zero; Python keeps the sign ('%.2f' % -0.001 == '-0.00').
        boolean negative = x < 0 || Double.doubleToRawLongBits(x) == Long.MIN_VALUE;
        return negative && !text.startsWith("-") ? "-" + text : text;
    }
}
