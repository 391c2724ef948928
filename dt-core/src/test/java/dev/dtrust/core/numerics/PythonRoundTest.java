package dev.dtrust.core.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PythonRoundTest {

    @Test
    void roundToIntIsHalfEven() {
        assertEquals(0L, PythonRound.round(0.5));
        assertEquals(2L, PythonRound.round(1.5));
        assertEquals(2L, PythonRound.round(2.5));
        assertEquals(-2L, PythonRound.round(-2.5));
        assertEquals(4L, PythonRound.round(3.5));
        assertEquals(3L, Math.round(2.5)); // Java's Math.round rounds half up: the naive port differs
        assertThrows(ArithmeticException.class, () -> PythonRound.round(Double.NaN));
        assertThrows(ArithmeticException.class, () -> PythonRound.round(Double.POSITIVE_INFINITY));
    }

    @Test
    void roundWithDigitsUsesTheExactBinaryValue() {
        assertEquals(2.67, PythonRound.round(2.675, 2));
        assertEquals(0.12, PythonRound.round(0.125, 2));
        assertEquals(120.0, PythonRound.round(123.456, -1));
        assertEquals(200.0, PythonRound.round(250.0, -2));
        assertEquals(0.3, PythonRound.round(0.30000000000000004, 15));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(PythonRound.round(-0.001, 2)));
        assertEquals(5e-324, PythonRound.round(5e-324, 400));
        assertEquals(Double.NaN, PythonRound.round(Double.NaN, 2));
    }

    @Test
    void percentFormatRoundsExactTiesToEven() {
        assertEquals("0.12", PythonRound.format(0.125, 2));
        assertEquals("0.13", String.format("%.2f", 0.125)); // Java's HALF_UP differs
        assertEquals("0.2", PythonRound.format(0.25, 1));
        assertEquals("2", PythonRound.format(2.5, 0));
        assertEquals("2.67", PythonRound.format(2.675, 2));
        assertEquals("0.38", PythonRound.format(0.375, 2));
        assertEquals("-0.00", PythonRound.format(-0.001, 2));
        assertEquals("-0.00", PythonRound.format(-0.0, 2));
        assertEquals("1234567.00", PythonRound.format(1234567.0, 2));
        assertEquals("nan", PythonRound.format(Double.NaN, 2));
        assertEquals("-inf", PythonRound.format(Double.NEGATIVE_INFINITY, 2));
        assertThrows(IllegalArgumentException.class, () -> PythonRound.format(1.0, -1));
    }
}
