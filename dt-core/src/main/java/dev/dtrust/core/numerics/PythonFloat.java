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
 * used here. The digits come from a binary search over precisions 1..17 with exact {@link BigDecimal} arithmetic.
 */
public final class PythonFloat {

    private static final int MAX_DIGITS = 17;
    private static final MathContext[] FLOOR = new MathContext[MAX_DIGITS + 1];
    private static final MathContext[] CEILING = new MathContext[MAX_DIGITS + 1];

    static {
        for (int p = 1; p <= MAX_DIGITS; p++) {
            FLOOR[p] = new MathContext(p, RoundingMode.FLOOR);
            CEILING[p] = new MathContext(p, RoundingMode.CEILING);
        }
    }

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
        double abs = Math.abs(x);
        BigDecimal exact = new BigDecimal(abs);
        Interval roundTrip = Interval.of(abs, exact);
        // A p-digit decimal in the round-trip interval is also a (p+1)-digit one, so success is monotone in p and
        // a binary search finds the shortest length. Java's own output round-trips: its length bounds the search.
        int lo = 1;
        int hi = Math.min(MAX_DIGITS, significantDigits(Double.toString(abs)));
        BigDecimal best = candidate(exact, roundTrip, hi);
        if (best == null) {
            hi = MAX_DIGITS;
            best = candidate(exact, roundTrip, hi);
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            BigDecimal c = candidate(exact, roundTrip, mid);
            if (c != null) {
                hi = mid;
                best = c;
            } else {
                lo = mid + 1;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no round-trip decimal with 17 digits for " + x);
        }
        return Decimal.of(best);
    }

    /** The closest {@code precision}-digit decimal that parses back to x, or null if there is none. */
    private static BigDecimal candidate(BigDecimal exact, Interval roundTrip, int precision) {
        // The round-trip interval is asymmetric at powers of two, so the nearest decimal of this length may fail
        // while its neighbour on the wider side succeeds: test both neighbours, prefer the closer one.
        BigDecimal down = exact.round(FLOOR[precision]);
        BigDecimal up = exact.round(CEILING[precision]);
        boolean downOk = roundTrip.contains(down);
        boolean upOk = down.compareTo(up) != 0 && roundTrip.contains(up);
        if (downOk && upOk) {
            int cmp = exact.subtract(down).compareTo(up.subtract(exact));
            if (cmp < 0) {
                return down;
            }
            if (cmp > 0) {
                return up;
            }
            return exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
        }
        return downOk ? down : upOk ? up : null;
    }

    private static int significantDigits(String javaText) {
        int count = 0;
        int trailingZeros = 0;
        boolean leading = true;
        for (int i = 0; i < javaText.length(); i++) {
            char c = javaText.charAt(i);
            if (c == 'E') {
                break;
            }
            if (c < '0' || c > '9' || (leading && c == '0')) {
                continue;
            }
            leading = false;
            count++;
            trailingZeros = c == '0' ? trailingZeros + 1 : 0;
        }
        return Math.max(1, count - trailingZeros);
    }

    /**
     * The decimals that a correctly rounded parse (round half to even) maps to x: strictly between the midpoints to
     * the neighbouring doubles, midpoints included when x's significand is even. Exact, and much cheaper than
     * {@code Double.parseDouble} on every candidate.
     */
    private record Interval(BigDecimal low, BigDecimal high, boolean inclusive) {

        private static final BigDecimal HALF = new BigDecimal("0.5");

        static Interval of(double x, BigDecimal exact) {
            BigDecimal low = exact.add(new BigDecimal(Math.nextDown(x))).multiply(HALF);
            BigDecimal high = exact.add(new BigDecimal(Math.ulp(x)).multiply(HALF));
            return new Interval(low, high, (Double.doubleToRawLongBits(x) & 1L) == 0);
        }

        boolean contains(BigDecimal d) {
            int lo = d.compareTo(low);
            int hi = d.compareTo(high);
            return (lo > 0 || (lo == 0 && inclusive)) && (hi < 0 || (hi == 0 && inclusive));
        }
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
