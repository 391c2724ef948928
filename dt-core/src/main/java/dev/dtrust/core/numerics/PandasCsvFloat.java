package dev.dtrust.core.numerics;

import java.util.Locale;
import java.util.Set;

/**
 * pandas 1.5 {@code read_csv} float parsing with the default C engine ({@code float_precision=None} or
 * {@code "high"}), i.e. {@code precise_xstrtod} (numerics.md §4). It keeps at most 17 digits (leading zeros count),
 * truncates the rest and scales by a power of ten in double arithmetic, so it is <em>not</em> correctly rounded:
 * {@code "0.16666666666666666"} reads as {@code 0.1666666666666666}.
 *
 * <p>Use it only where upstream re-reads a CSV it wrote; elsewhere keep the exact doubles.
 */
public final class PandasCsvFloat {

    private static final int MAX_DIGITS = 17;

    /** Correctly rounded 1e0..1e308, as the C table {@code e[]} in pandas' tokenizer. */
    private static final double[] POWERS = new double[309];

    /** pandas' default NA strings that a float column reads as NaN. */
    private static final Set<String> NA_VALUES = Set.of("", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN",
            "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "n/a", "nan", "null");

    static {
        for (int i = 0; i < POWERS.length; i++) {
            POWERS[i] = Double.parseDouble("1e" + i);
        }
    }

    private PandasCsvFloat() {
    }

    /**
     * Parses one CSV cell of a float column as pandas' default C parser does.
     *
     * @param text the cell text, without CSV quoting
     * @return the parsed double; NaN for pandas' default NA strings; signed infinity for {@code inf}/{@code Infinity}
     *     spellings and for exponents above 308
     * @throws NumberFormatException if the text is not a number (pandas would keep the column as strings)
     */
    public static double parse(String text) {
        if (NA_VALUES.contains(text)) {
            return Double.NaN;
        }
        int p = 0;
        int len = text.length();
        while (p < len && isSpace(text.charAt(p))) {
            p++;
        }
        boolean negative = false;
        if (p < len && (text.charAt(p) == '-' || text.charAt(p) == '+')) {
            negative = text.charAt(p) == '-';
            p++;
        }
        double number = 0.0;
        int exponent = 0;
        int numDigits = 0;
        int numDecimals = 0;
        while (p < len && isDigit(text.charAt(p))) {
            if (numDigits < MAX_DIGITS) {
                number = number * 10.0 + (text.charAt(p) - '0');
                numDigits++;
            } else {
                exponent++;
            }
            p++;
        }
        if (p < len && text.charAt(p) == '.') {
            p++;
            while (numDigits < MAX_DIGITS && p < len && isDigit(text.charAt(p))) {
                number = number * 10.0 + (text.charAt(p) - '0');
                p++;
                numDigits++;
                numDecimals++;
            }
            while (p < len && isDigit(text.charAt(p))) {
                p++; // digits beyond 17 are truncated, not rounded
            }
            exponent -= numDecimals;
        }
        if (numDigits == 0) {
            return parseSpecial(text);
        }
        if (negative) {
            number = -number;
        }
        if (p < len && (text.charAt(p) == 'e' || text.charAt(p) == 'E')) {
            int ePos = p;
            p++;
            boolean negativeExponent = false;
            if (p < len && (text.charAt(p) == '-' || text.charAt(p) == '+')) {
                negativeExponent = text.charAt(p) == '-';
                p++;
            }
            int expDigits = 0;
            int n = 0;
            while (expDigits < MAX_DIGITS && p < len && isDigit(text.charAt(p))) {
                n = n * 10 + (text.charAt(p) - '0');
                expDigits++;
                p++;
            }
            if (expDigits == 0) {
                p = ePos; // a bare 'e' is not consumed, so the trailing-text check rejects it
            } else {
                exponent += negativeExponent ? -n : n;
            }
        }
        while (p < len && isSpace(text.charAt(p))) {
            p++;
        }
        if (p != len) {
            throw new NumberFormatException("not a float for pandas read_csv: \"" + text + "\"");
        }
        if (exponent > 308) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        } else if (exponent > 0) {
            number *= POWERS[exponent];
        } else if (exponent < -308) {
            if (exponent < -616) {
                number = negative ? -0.0 : 0.0;
            } else {
                number /= POWERS[-308 - exponent];
                number /= POWERS[308];
            }
        } else {
            number /= POWERS[-exponent];
        }
        return number;
    }

    private static double parseSpecial(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        switch (t) {
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                throw new NumberFormatException("not a float for pandas read_csv: \"" + text + "\"");
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }
}
