package dev.dtrust.core.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NumpyMatrixTest {

    /** numerics.md §1: {@code B[i][j] = 0.1*(i+1) + 0.01*j}, 24 x 16. */
    private static double[][] b() {
        double[][] m = new double[24][16];
        for (int i = 0; i < 24; i++) {
            for (int j = 0; j < 16; j++) {
                m[i][j] = 0.1 * (i + 1) + 0.01 * j;
            }
        }
        return m;
    }

    private static double[][] full(int rows, int cols, double v) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            Arrays.fill(row, v);
        }
        return m;
    }

    @Test
    void columnMeanDependsOnLayout() {
        assertEquals(1.25, NumpyMatrix.meanAxis0(b(), false)[0]);
        assertEquals(1.2500000000000002, NumpyMatrix.meanAxis0(b(), true)[0]);
    }

    @Test
    void cOrderFullPointOne() {
        double[][] m = full(10, 10, 0.1);
        assertEquals(0.1, NumpyMatrix.meanAxis1(m, false)[0]);
        assertEquals(0.09999999999999999, NumpyMatrix.meanAxis0(m, false)[0]);
    }

    @Test
    void fortranOrderFullPointOne() {
        double[][] m = full(10, 10, 0.1);
        assertEquals(0.09999999999999999, NumpyMatrix.meanAxis1(m, true)[0]);
        assertEquals(0.1, NumpyMatrix.meanAxis0(m, true)[0]);
    }

    @Test
    void meanAllFollowsMemoryOrder() {
        double[][] m = b();
        assertEquals(NumpySum.sum(NumpyMatrix.memoryOrder(m, true)) / 384, NumpyMatrix.meanAll(m, true));
        assertEquals(NumpySum.sum(NumpyMatrix.memoryOrder(m, false)) / 384, NumpyMatrix.meanAll(m, false));
        assertArrayEquals(new double[] {1, 3, 2, 4}, NumpyMatrix.memoryOrder(new double[][] {{1, 2}, {3, 4}}, true));
        assertArrayEquals(new double[] {1, 2, 3, 4}, NumpyMatrix.memoryOrder(new double[][] {{1, 2}, {3, 4}}, false));
        // 10x10 of 0.1 (100 values, one pairwise run) sums to 9.999999999999998 in either order (numpy 2.4 checked).
        assertEquals(0.09999999999999998, NumpyMatrix.meanAll(full(10, 10, 0.1), true));
    }

    @Test
    void raggedMatrixIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> NumpyMatrix.meanAll(new double[][] {{1, 2}, {3}}, false));
    }
}
