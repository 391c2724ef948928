package dev.dtrust.core.numerics;

/**
 * pandas 1.5 {@code read_json} number parsing with the default ujson decoder ({@code precise_float=False};
 * numerics.md §9). A number {@code [-]I.F[e±X]} becomes {@code (double(I) + f * 1e-d) * sign}, where {@code f}
 * accumulates at most the first 15 fraction digits ({@code d} digits kept), times {@code 10^±X} for an exponent. About
 * 3% of values in [0, 100) move by an ulp or so ({@code 0.5714285714285714 -> 0.5714285714285711}).
 *
 * <p>Use it only where upstream re-reads a JSON file with pandas (summary export); elsewhere keep exact doubles.
 */
public final class PandasJsonFloat {

    private static final int MAX_DECIMALS = 15;

    /** ujson's {@code g_pow10} table: the C literals 1, 0.1, ..., 0.000000000000001 (correctly rounded). */
    private static final double[] NEGATIVE_POWERS = new double[MAX_DECIMALS + 1];

    static {
        for (int i = 0; i <= MAX_DECIMALS; i++) {
            NEGATIVE_POWERS[i] = Double.parseDouble("1e-" + i);
        }
    }

    private PandasJsonFloat() {
    }

    /**
     * Parses one JSON number as pandas' default ujson decoder does.
     *
     * @param text a JSON number, or {@code NaN}, {@code Infinity}, {@code -Infinity}
     * @return the decoded double (an integer without fraction or exponent is converted exactly as a C cast)
     * @throws NumberFormatException if the text is not a number or an integer overflows 64 bits
     */
    public static double parse(String text) {
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "Infinity":
                return Double.POSITIVE_INFINITY;
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        int p = 0;
        int len = text.length();
        double sign = 1.0;
        if (p < len && text.charAt(p) == '-') {
            sign = -1.0;
            p++;
        }
        int intStart = p;
        long intValue = 0; // unsigned, as ujson's JSUINT64
        while (p < len && isDigit(text.charAt(p))) {
            long next = intValue * 10 + (text.charAt(p) - '0');
            if (Long.compareUnsigned(next, intValue) < 0 || Long.compareUnsigned(intValue, 0x1999999999999999L) > 0
                    || (sign < 0 && Long.compareUnsigned(next, Long.MIN_VALUE) > 0)) {
                throw new NumberFormatException("integer part too big for ujson: \"" + text + "\"");
            }
            intValue = next;
            p++;
        }
        if (p == intStart) {
            throw new NumberFormatException("not a JSON number: \"" + text + "\"");
        }
        double integer = unsignedToDouble(intValue);
        if (p == len) {
            // ujson returns an int; pandas then holds it in a float64 column: (double) of the signed value.
            return sign < 0 && intValue != 0 ? -integer : integer; // int -0 is 0
        }
        double fraction = 0.0;
        int decimals = 0;
        if (text.charAt(p) == '.') {
            p++;
            while (p < len && isDigit(text.charAt(p))) {
                if (decimals < MAX_DECIMALS) {
                    fraction = fraction * 10.0 + (text.charAt(p) - '0');
                    decimals++;
                }
                p++;
            }
        }
        double value = (integer + fraction * NEGATIVE_POWERS[decimals]) * sign;
        if (p < len && (text.charAt(p) == 'e' || text.charAt(p) == 'E')) {
            p++;
            double expSign = 1.0;
            if (p < len && (text.charAt(p) == '-' || text.charAt(p) == '+')) {
                expSign = text.charAt(p) == '-' ? -1.0 : 1.0;
                p++;
            }
            double expValue = 0.0;
            while (p < len && isDigit(text.charAt(p))) {
                expValue = expValue * 10.0 + (text.charAt(p) - '0');
                p++;
            }
            value *= powerOfTen(expValue * expSign);
        }
        if (p != len) {
            throw new NumberFormatException("trailing characters in JSON number: \"" + text + "\"");
        }
        return value;
    }

    /** C {@code pow(10.0, e)} for an integral e: glibc's pow is correctly rounded, as is decimal parsing. */
    private static double powerOfTen(double e) {
        if (e > 400) {
            return Double.POSITIVE_INFINITY;
        }
        if (e < -400) {
            return 0.0;
        }
        return Double.parseDouble("1e" + (long) e);
    }

    private static double unsignedToDouble(long v) {
        if (v >= 0) {
            return (double) v;
        }
        // round-to-nearest conversion of an unsigned 64-bit value, keeping the sticky bit
        return ((double) ((v >>> 1) | (v & 1))) * 2.0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
