package dev.dtrust.core.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PandasJsonFloatTest {

    /** numerics.md §9: values that move when re-read with pd.read_json. */
    @ParameterizedTest
    @CsvSource({
        "41.9080482730709, 41.908048273070904",
        "0.5714285714285714, 0.5714285714285711",
        "0.4533333333333333, 0.45333333333333303",
        "0.21115621435192974, 0.21115621435192902",
    })
    void specVectors(String text, double expected) {
        assertEquals(expected, PandasJsonFloat.parse(text));
        assertNotEquals(Double.parseDouble(text), expected); // a correctly rounded parse keeps the written value
    }

    @Test
    void simpleValuesSurvive() {
        assertEquals(0.5, PandasJsonFloat.parse("0.5"));
        assertEquals(-0.125, PandasJsonFloat.parse("-0.125"));
        assertEquals(3.0, PandasJsonFloat.parse("3"));
        assertEquals(-7.0, PandasJsonFloat.parse("-7"));
        assertEquals(0.0015, PandasJsonFloat.parse("1.5e-3"));
        assertEquals(1500.0, PandasJsonFloat.parse("1.5E+3"));
        assertEquals(1e-05, PandasJsonFloat.parse("1e-05"));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(PandasJsonFloat.parse("-0")));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(PandasJsonFloat.parse("-0.0")));
    }

    @Test
    void onlyFifteenFractionDigitsAreKept() {
        // 12345678 + 123456789012345 * 1e-15; digits 16.. are dropped
        assertEquals(12345678 + 123456789012345.0 * 1e-15, PandasJsonFloat.parse("12345678.123456789012999"));
        assertEquals(12345678.12345679, PandasJsonFloat.parse("12345678.123456789012"));
    }

    @Test
    void nonFiniteAndErrors() {
        assertEquals(Double.NaN, PandasJsonFloat.parse("NaN"));
        assertEquals(Double.POSITIVE_INFINITY, PandasJsonFloat.parse("Infinity"));
        assertEquals(Double.NEGATIVE_INFINITY, PandasJsonFloat.parse("-Infinity"));
        assertThrows(NumberFormatException.class, () -> PandasJsonFloat.parse("abc"));
        assertThrows(NumberFormatException.class, () -> PandasJsonFloat.parse("1.5x"));
        assertThrows(NumberFormatException.class, () -> PandasJsonFloat.parse("99999999999999999999"));
    }
}
