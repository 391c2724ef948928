package dev.dtrust.core.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KahanMeanTest {

    private static double naiveMean(double[] v) {
        return NumpySum.sequentialSum(v) / v.length;
    }

    @Test
    void advglueVectorOne() {
        double[] v = {0.03333333333333333, 0.5, 0.23333333333333334, 0.7666666666666667, 0.8333333333333334, 0.4,
            0.43333333333333335, 0.7, 0.16666666666666666};
        assertEquals(0.45185185185185184, KahanMean.mean(v));
        assertEquals(0.45185185185185195, naiveMean(v));
    }

    @Test
    void advglueVectorTwo() {
        double[] v = {0.26666666666666666, 0.03333333333333333, 0.8666666666666667, 1.0, 0.7, 0.06666666666666667,
            0.06666666666666667, 0.9, 0.0};
        assertEquals(0.43333333333333335, KahanMean.mean(v));
        assertEquals(0.4333333333333334, naiveMean(v));
    }

    @Test
    void advglueVectorThreeDiffersFromNumpy() {
        double[] v = {0.3333333333333333, 0.5, 0.5, 0.1, 0.0, 0.3, 0.4, 0.3333333333333333, 0.43333333333333335};
        assertEquals(0.3222222222222222, KahanMean.mean(v));
        assertEquals(0.32222222222222224, NumpySum.mean(v));
        assertEquals(56.29629629629629, 0.5629629629629629 * 100);
    }

    @Test
    void nanIsSkippedAndNotCounted() {
        assertEquals(0.5, KahanMean.mean(new double[] {Double.NaN, 0.25, 0.75}));
        assertEquals(1.0, KahanMean.sum(new double[] {Double.NaN, 0.25, 0.75}));
        assertEquals(Double.NaN, KahanMean.mean(new double[] {Double.NaN}));
    }
}
