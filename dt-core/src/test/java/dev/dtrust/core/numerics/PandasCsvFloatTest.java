package dev.dtrust.core.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PandasCsvFloatTest {

    /** numerics.md §4 table: text, pandas default/high, round_trip (= Double.parseDouble). */
    @ParameterizedTest
    @CsvSource({
        "0.16666666666666666, 0.1666666666666666, 0.16666666666666666",
        "0.013333333333333334, 0.0133333333333333, 0.013333333333333334",
        "0.33333333333333337, 0.3333333333333333, 0.33333333333333337",
        "0.9333333333333333, 0.9333333333333332, 0.9333333333333333",
        "0.30000000000000004, 0.3, 0.30000000000000004",
        "0.1, 0.1, 0.1",
        "123.456, 123.456, 123.456",
        "1e-05, 1e-05, 1e-05",
        "2.220446049250313e-16, 2.220446049250313e-16, 2.220446049250313e-16",
        "9007199254740993, 9007199254740992.0, 9007199254740992.0",
    })
    void specTable(String text, double pandas, double roundTrip) {
        assertEquals(pandas, PandasCsvFloat.parse(text));
        assertEquals(roundTrip, Double.parseDouble(text));
    }

    @Test
    void stereotypeRoundTripOfCountRatios() {
        // stereotype.md §6: c=1,n=25 and c=4,n=8 cells change when re-read
        assertEquals("0.013333333333333332", PythonFloat.repr((1.0 / 3) / 25));
        assertEquals(0.0133333333333333, PandasCsvFloat.parse(PythonFloat.repr((1.0 / 3) / 25)));
        assertEquals(0.1666666666666666, PandasCsvFloat.parse(PythonFloat.repr((4.0 / 3) / 8)));
        assertNotEquals(Double.parseDouble("0.16666666666666666"), PandasCsvFloat.parse("0.16666666666666666"));
    }

    @Test
    void exponentsSignsAndScaling() {
        assertEquals(-2.5, PandasCsvFloat.parse("-2.5"));
        assertEquals(2.5, PandasCsvFloat.parse(" +2.5 "));
        assertEquals(1.5e300, PandasCsvFloat.parse("1.5e300"));
        assertEquals(1.5e300, PandasCsvFloat.parse("1.5E+300"));
        assertEquals(1e-320, PandasCsvFloat.parse("1e-320")); // 1 / 1e12 / 1e308
        assertEquals(0.0, PandasCsvFloat.parse("1e-700"));
        assertEquals(Double.POSITIVE_INFINITY, PandasCsvFloat.parse("1e309"));
        assertEquals(Double.NEGATIVE_INFINITY, PandasCsvFloat.parse("-1e309"));
        // 17 digits kept, the 3 integer digits beyond them only raise the exponent: 12345678901234567 * 1e3
        assertEquals(1.2345678901234567e+19, PandasCsvFloat.parse("12345678901234567890"));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(PandasCsvFloat.parse("-0.0")));
        assertEquals(100.0, PandasCsvFloat.parse("100"));
    }

    @Test
    void naAndInfinity() {
        assertEquals(Double.NaN, PandasCsvFloat.parse(""));
        assertEquals(Double.NaN, PandasCsvFloat.parse("nan"));
        assertEquals(Double.NaN, PandasCsvFloat.parse("NaN"));
        assertEquals(Double.POSITIVE_INFINITY, PandasCsvFloat.parse("inf"));
        assertEquals(Double.NEGATIVE_INFINITY, PandasCsvFloat.parse("-inf"));
    }

    @Test
    void garbageIsRejected() {
        assertThrows(NumberFormatException.class, () -> PandasCsvFloat.parse("abc"));
        assertThrows(NumberFormatException.class, () -> PandasCsvFloat.parse("1.5x"));
        assertThrows(NumberFormatException.class, () -> PandasCsvFloat.parse("1e"));
        assertThrows(NumberFormatException.class, () -> PandasCsvFloat.parse("."));
    }
}
