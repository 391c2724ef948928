package dev.dtrust.core.numerics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python 3.11 {@code repr(float)} (= {@code str}, numpy float64 repr, {@code json.dumps}, pandas {@code to_csv};
 * numerics.md §3): the shortest decimal that parses back to the same double, the closest one among equally short
 * candidates, in fixed notation for decimal exponents -4..15 and scientific notation otherwise.
 *
 * <p>Java 17's {@code Double.toString} is not always shortest (JDK-4511638) and uses another layout, so it is not
 * used here. The digits come from a search over precisions 1..17 with {@link BigDecimal}, which is exact.
 */
public final class PythonFloat {

    private static final int MAX_DIGITS = 17;

    private PythonFloat() {
    }

    /**
     * Python {@code repr(x)}.
     *
     * @param x any double
     * @return e.g. {@code 0.30000000000000004}, {@code 100.0}, {@code 1e-05}, {@code 1e+16}, {@code 5e-324},
     *     {@code nan}, {@code inf}, {@code -inf}, {@code -0.0}
     */
    public static String repr(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0.0) {
            return Double.doubleToRawLongBits(x) == 0L ? "0.0" : "-0.0";
        }
        Decimal d = shortest(Math.abs(x));
        return layout(x < 0, d.digits, d.exponent);
    }

    /**
     * The shortest round-trip decimal digits of a finite double, without sign, as Python's {@code repr} picks them.
     *
     * @param x a finite, nonzero double
     * @return the digits (no trailing zeros) and the decimal exponent of the first digit
     * @throws IllegalArgumentException if x is zero, NaN or infinite
     */
    static Decimal shortest(double x) {
        if (!Double.isFinite(x) || x == 0.0) {
            throw new IllegalArgumentException("no shortest digits for " + x);
        }
        BigDecimal exact = new BigDecimal(Math.abs(x));
        for (int precision = 1; precision <= MAX_DIGITS; precision++) {
            // The round-trip interval is asymmetric at powers of two, so the nearest decimal of this length may
            // fail while its neighbour on the wider side succeeds: test both neighbours, prefer the closer one.
            BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
            boolean downOk = roundTrips(down, x);
            boolean upOk = roundTrips(up, x);
            BigDecimal pick = null;
            if (downOk && upOk) {
                int cmp = exact.subtract(down).compareTo(up.subtract(exact));
                if (cmp < 0) {
                    pick = down;
                } else if (cmp > 0) {
                    pick = up;
                } else {
                    pick = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
                }
            } else if (downOk) {
                pick = down;
            } else if (upOk) {
                pick = up;
            }
            if (pick != null) {
                return Decimal.of(pick);
            }
        }
        throw new IllegalStateException("no round-trip decimal with 17 digits for " + x);
    }

    private static boolean roundTrips(BigDecimal candidate, double x) {
        return Double.parseDouble(candidate.toString()) == Math.abs(x);
    }

    private static String layout(boolean negative, String digits, int exponent) {
        StringBuilder sb = new StringBuilder(digits.length() + 8);
        if (negative) {
            sb.append('-');
        }
        if (exponent >= -4 && exponent < 16) {
            if (exponent < 0) {
                sb.append("0.");
                sb.append("0".repeat(-exponent - 1));
                sb.append(digits);
            } else if (digits.length() <= exponent + 1) {
                sb.append(digits);
                sb.append("0".repeat(exponent + 1 - digits.length()));
                sb.append(".0");
            } else {
                sb.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length());
            }
        } else {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            sb.append('e').append(exponent < 0 ? '-' : '+');
            int abs = Math.abs(exponent);
            if (abs < 10) {
                sb.append('0');
            }
            sb.append(abs);
        }
        return sb.toString();
    }

    /** Significant decimal digits without trailing zeros, and the decimal exponent of the first digit. */
    record Decimal(String digits, int exponent) {

        static Decimal of(BigDecimal value) {
            BigDecimal stripped = value.stripTrailingZeros();
            String digits = stripped.unscaledValue().toString();
            int exponent = digits.length() - 1 - stripped.scale();
            return new Decimal(digits, exponent);
        }
    }
}
