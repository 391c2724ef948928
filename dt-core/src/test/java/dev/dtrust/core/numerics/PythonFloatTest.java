package dev.dtrust.core.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonFloatTest {

    /** numerics.md §3 table plus layout edges; expected text is Python 3.11 repr. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.30000000000000004 | 0.30000000000000004",
        "0.3333333333333333 | 0.3333333333333333",
        "0.6666666666666666 | 0.6666666666666666",
        "0.013333333333333334 | 0.013333333333333334",
        "0.013333333333333332 | 0.013333333333333332",
        "1e15 | 1000000000000000.0",
        "9999999999999998.0 | 9999999999999998.0",
        "1e16 | 1e+16",
        "0.0001 | 0.0001",
        "0.00001 | 1e-05",
        "0.002 | 0.002",
        "1e23 | 1e+23",
        "5e-324 | 5e-324",
        "1e7 | 10000000.0",
        "100 | 100.0",
        "1.5 | 1.5",
        "123456789012345680000 | 1.2345678901234568e+20",
        "1.2345678901234568e17 | 1.2345678901234568e+17",
        "1.7976931348623157e308 | 1.7976931348623157e+308",
        "2.2250738585072014e-308 | 2.2250738585072014e-308",
        "9007199254740992 | 9007199254740992.0",
        "0.00012345 | 0.00012345",
        "1.2345e-5 | 1.2345e-05",
        "1e100 | 1e+100",
        "-2.5 | -2.5",
        "77.14285714285715 | 77.14285714285715",
    })
    void specTable(double x, String expected) {
        assertEquals(expected, PythonFloat.repr(x));
    }

    @Test
    void computedValuesFromTheSpec() {
        assertEquals("0.30000000000000004", PythonFloat.repr(0.1 + 0.2));
        assertEquals("0.3333333333333333", PythonFloat.repr(1.0 / 3));
        assertEquals("0.013333333333333334", PythonFloat.repr(1.0 / 75));
        assertEquals("0.013333333333333332", PythonFloat.repr((1.0 / 3) / 25));
        assertEquals("27.999999999999996", PythonFloat.repr(0.27999999999999997 * 100));
        assertEquals("5e-324", PythonFloat.repr(Double.MIN_VALUE));
        assertEquals("4.9E-324", Double.toString(Double.MIN_VALUE)); // the naive port differs
        assertEquals("1e-05", PythonFloat.repr(1e-5));
        assertNotEquals(PythonFloat.repr(1e-5), Double.toString(1e-5));
    }

    @Test
    void specialValues() {
        assertEquals("nan", PythonFloat.repr(Double.NaN));
        assertEquals("inf", PythonFloat.repr(Double.POSITIVE_INFINITY));
        assertEquals("-inf", PythonFloat.repr(Double.NEGATIVE_INFINITY));
        assertEquals("-0.0", PythonFloat.repr(-0.0));
        assertEquals("0.0", PythonFloat.repr(0.0));
    }

    @Test
    void jdk17DoubleToStringIsNotAlwaysShortest() {
        // JDK-4511638: Java 17 prints 1e23 with 16 digits although "1e+23" round-trips.
        assertEquals("2e-44", PythonFloat.repr(2e-44));
        assertEquals("9.999999999999999E22", Double.toString(1e23));
        assertEquals("1e+23", PythonFloat.repr(1e23));
    }

    @Test
    void randomDoublesRoundTripWithNoShorterCandidate() {
        SplittableRandom random = new SplittableRandom(20261127L);
        for (int i = 0; i < 3000; i++) {
            double x = i % 3 == 0 ? random.nextDouble() * 100 : Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(x)) {
                continue;
            }
            String text = PythonFloat.repr(x);
            assertEquals(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(Double.parseDouble(text)), text);
            if (x == 0.0) {
                continue;
            }
            int digits = significantDigits(text);
            if (digits > 1) {
                BigDecimal exact = new BigDecimal(Math.abs(x));
                MathContext shorter = new MathContext(digits - 1, RoundingMode.FLOOR);
                BigDecimal down = exact.round(shorter);
                BigDecimal up = down.add(down.ulp());
                assertTrue(Double.parseDouble(down.toString()) != Math.abs(x)
                        && Double.parseDouble(up.toString()) != Math.abs(x), () -> "shorter exists for " + text);
            }
        }
    }

    @Test
    void knownJdk17NonShortestValues() {
        // Powers of two: the round-trip interval is narrower below, so both neighbours must be tried.
        assertEquals("9.223372036854776e+18", PythonFloat.repr(0x1p63));
        assertEquals("1.8014398509481984e+16", PythonFloat.repr(0x1p54));
    }

    private static int significantDigits(String repr) {
        String mantissa = repr.replace("-", "").split("e")[0].replace(".", "");
        mantissa = mantissa.replaceFirst("^0+", "");
        mantissa = mantissa.replaceFirst("0+$", "");
        return mantissa.length();
    }

    /** CPython 3.11 repr of doubles given by their bits; the first five are ones where Java 17 prints other digits. */
    @ParameterizedTest
    @CsvSource({
        "438770886eb98dae, 2.1112498367559827e+17",
        "43978e7e4f5a531f, 4.243582472120422e+17",
        "43d9012e95ec1c9a, 7.207090189484845e+18",
        "43a1069617b76878, 6.13416488555265e+17",
        "43ca9a30f421132a, 3.83379683296925e+18",
        "0060c67fdca595c8, 7.46529569144553e-307",
        "81daad106bd0638b, -9.958307992276923e-300",
        "408101d574126c3c, 544.2292252959519",
        "40983e626e027b3e, 1551.5961227786752",
        "41bbf7ead19e7833, 469232337.6190216",
    })
    void cpythonReprOfBits(String bits, String expected) {
        double x = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
        assertEquals(expected, PythonFloat.repr(x));
    }
}
