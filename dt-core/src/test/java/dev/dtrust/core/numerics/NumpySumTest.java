package dev.dtrust.core.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NumpySumTest {

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    @Test
    void tenTimesPointOneIsExactlyOneWhileSequentialIsNot() {
        double[] a = filled(10, 0.1);
        assertEquals(1.0, NumpySum.sum(a));
        assertEquals(0.1, NumpySum.mean(a));
        assertEquals(0.9999999999999999, NumpySum.sequentialSum(a));
    }

    @Test
    void nineAndSevenElements() {
        assertEquals(0.9, NumpySum.sum(filled(9, 0.1)));
        assertEquals(0.8999999999999999, NumpySum.sequentialSum(filled(9, 0.1)));
        assertEquals(0.7, NumpySum.sum(filled(7, 0.1)));
        assertEquals(0.7, NumpySum.sequentialSum(filled(7, 0.1)));
    }

    @Test
    void moreThan128SplitsRecursively() {
        double[] a = new double[200];
        for (int i = 1; i <= 200; i++) {
            a[i - 1] = i * 0.1;
        }
        assertEquals(2010.0, NumpySum.sum(a));
        assertEquals(10.05, NumpySum.mean(a));
        assertEquals(2010.0000000000002, NumpySum.sequentialSum(a));
    }

    @Test
    void oneThirdTimes130() {
        double[] a = filled(130, 1.0 / 3);
        assertEquals(43.33333333333333, NumpySum.sum(a));
        assertEquals(43.333333333333364, NumpySum.sequentialSum(a));
    }

    @Test
    void thousandPythonRandomValues() {
        PythonRandom r = new PythonRandom(1);
        double[] a = new double[1000];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.random();
        }
        assertEquals(514.1370278623856, NumpySum.sum(a));
        assertEquals(514.1370278623858, NumpySum.sequentialSum(a));
    }

    @Test
    void runsLongerThan8192AreBufferedInBlocksAddedLeftToRight() {
        double[] a = filled(10000, 0.1);
        assertEquals(1000.0000000000002, NumpySum.sum(a));
        assertEquals(999.9999999999999, NumpySum.pairwiseSum(a, 0, a.length));
        assertEquals(819.3000000000002, NumpySum.sum(filled(8193, 0.1)));
    }

    @Test
    void toxicityMeanVectors() {
        assertEquals(0.10000000000000002, NumpySum.mean(filled(1000, 0.1)));
        assertEquals(0.09999999999999859, NumpySum.sequentialSum(filled(1000, 0.1)) / 1000);
        assertEquals(0.45, NumpySum.mean(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8}));
        assertEquals(0.44999999999999996,
                NumpySum.sequentialSum(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8}) / 8);
    }

    @Test
    void perspectiveVectors() {
        // adv_demonstration.md §8
        double[] twelve = {0.2435, 0.6065, 0.557, 0.1335, 0.3785, 0.9375, 0.618, 0.485, 0.6405, 0.5945, 0.067, 0.62};
        assertEquals(0.4901250000000001, NumpySum.mean(twelve));
        assertEquals(0.490125, NumpySum.sequentialSum(twelve) / 12);
        assertEquals(0.9179999999999999, NumpySum.mean(new double[] {0.921, 0.84, 0.8875, 0.968, 0.9735}));
        // privacy.md §7
        double[] leak = {67.0, 0.6666666666666667, 42.0, 15.666666666666668, 20.666666666666668, 52.33333333333333,
            89.66666666666666, 64.33333333333333};
        assertEquals(44.04166666666667, NumpySum.mean(leak));
        assertEquals(44.041666666666664, NumpySum.sequentialSum(leak) / 8);
        // fairness.md §9
        assertEquals(1e16, NumpySum.sum(new double[] {1e16, 1.0, 1.0}));
        assertEquals(0.19553993543684267, NumpySum.mean(new double[] {0.17, 0.23268041237113402, 0.18393939393939393}));
        assertEquals(0.006666666666666672,
                NumpySum.mean(new double[] {0.0, 0.015000000000000013, 0.0050000000000000044}));
        double[] eleven = {0.345, 0.16, 0.448, 0.1883756088480712, 0.19309647248643902, 0.34, 0.310063067722631,
            0.13565031599697303, 0.36, 0.468, 0.48889865822431766};
        assertEquals(3.4370841232784315, NumpySum.sum(eleven));
        assertEquals(3.437084123278432, NumpySum.sequentialSum(eleven));
        assertEquals(0.312462193025312, NumpySum.mean(eleven));
    }

    @Test
    void subRangeSumsOnlyThatRun() {
        double[] a = {100.0, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 100.0};
        assertEquals(1.0, NumpySum.sum(a, 1, 11));
        assertEquals(0.0, NumpySum.sum(a, 3, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> NumpySum.sum(a, 5, 13));
    }

    @Test
    void negativeZeroAndEmpty() {
        assertEquals(0.0, NumpySum.sum(new double[0]));
        assertEquals(Double.doubleToRawLongBits(-0.0),
                Double.doubleToRawLongBits(NumpySum.pairwiseSum(new double[] {-0.0}, 0, 1)));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(NumpySum.sum(new double[] {-0.0})));
        assertEquals(Double.NaN, NumpySum.mean(new double[0]));
    }

    @Test
    void pairwiseDiffersFromSequentialAndCompensated() {
        double[] a = filled(10, 0.1);
        assertNotEquals(NumpySum.sequentialSum(a), NumpySum.sum(a));
        // DoubleStream.sum is compensated; for [0.1]*1000 it is neither numpy's nor Python's result.
        double[] b = filled(1000, 0.1);
        assertEquals(100.00000000000001, NumpySum.sum(b));
        assertEquals(99.9999999999986, NumpySum.sequentialSum(b));
        assertEquals(100.0, Arrays.stream(b).sum());
    }
}
