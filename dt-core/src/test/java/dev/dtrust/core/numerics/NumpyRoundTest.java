package dev.dtrust.core.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumpyRoundTest {

    /** numerics.md §2 table: x, np.round(x, 2), round(x, 2), x*100. */
    @ParameterizedTest
    @CsvSource({
        "0.125, 0.12, 0.12, 12.5",
        "2.675, 2.68, 2.67, 267.5",
        "0.495, 0.5, 0.49, 49.5",
        "0.49499999999999994, 0.49, 0.49, 49.49999999999999",
        "0.035, 0.04, 0.04, 3.5000000000000004",
        "0.145, 0.14, 0.14, 14.499999999999998",
        "1.005, 1.0, 1.0, 100.49999999999999",
        "0.7450000000000001, 0.75, 0.75, 74.50000000000001",
        "0.745, 0.74, 0.74, 74.5",
        "-0.125, -0.12, -0.12, -12.5",
    })
    void specTable(double x, double numpy, double python, double times100) {
        assertEquals(times100, x * 100);
        assertEquals(numpy, NumpyRound.round(x, 2));
        assertEquals(python, PythonRound.round(x, 2));
    }

    @Test
    void naiveBigDecimalRoundingOfXDiffersFromNumpy() {
        // numpy rounds the product x*100 (267.5 -> 268); rounding the exact x (2.67499999...) gives 2.67.
        double naive = new BigDecimal(2.675).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
        assertEquals(2.67, naive);
        assertEquals(2.68, NumpyRound.round(2.675, 2));
        // stereotype.md §7: a row mean of 0.495 becomes 0.5, not 0.49
        assertEquals(0.5, NumpyRound.round(0.495, 2));
    }

    @Test
    void zeroDecimalsIsHalfEven() {
        assertEquals(0.0, NumpyRound.round(0.5, 0));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(NumpyRound.round(-0.5, 0)));
        assertEquals(2.0, NumpyRound.round(2.5, 0));
        assertEquals(4.0, NumpyRound.round(3.5, 0));
    }

    @Test
    void negativeDecimalsDivideFirst() {
        assertEquals(120.0, NumpyRound.round(123.456, -1));
        assertEquals(200.0, NumpyRound.round(250.0, -2));
        assertEquals(400.0, NumpyRound.round(350.0, -2));
        assertEquals(1000.0, NumpyRound.round(1234.5, -3));
    }

    @Test
    void powerOfTenIsRepeatedMultiplicationAboveTheTable() {
        assertEquals(1e8, NumpyRound.powerOfTen(8));
        assertEquals(1e22, NumpyRound.powerOfTen(22));
        assertEquals(1e23, NumpyRound.powerOfTen(23));
        assertEquals(9.999999999999999e+24, NumpyRound.powerOfTen(25)); // correctly rounded would be 1e25
    }
}
