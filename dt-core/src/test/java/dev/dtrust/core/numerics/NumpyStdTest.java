package dev.dtrust.core.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected values from numpy (legacy-identical pairwise reductions) on the same inputs. */
class NumpyStdTest {

    @Test
    void smallVectors() {
        assertEquals(1.118033988749895, NumpyStd.std(new double[] {1.0, 2.0, 3.0, 4.0}));
        assertEquals(1.25, NumpyStd.var(new double[] {1.0, 2.0, 3.0, 4.0}));
        double[] twelve = {0.2435, 0.6065, 0.557, 0.1335, 0.3785, 0.9375, 0.618, 0.485, 0.6405, 0.5945, 0.067, 0.62};
        assertEquals(0.23530344991450225, NumpyStd.std(twelve));
        assertEquals(0.05536771354166667, NumpyStd.var(twelve));
    }

    @Test
    void longerThan128() {
        double[] a = new double[200];
        for (int i = 1; i <= 200; i++) {
            a[i - 1] = i * 0.1;
        }
        assertEquals(5.773430522661549, NumpyStd.std(a));
        assertEquals(33.3325, NumpyStd.var(a));
    }

    @Test
    void pairwiseDiffersFromNaive() {
        // Random(1): skip 72 draws, then 20 values; numpy 0.298844149954094, naive loops 0.2988441499540939
        PythonRandom r = new PythonRandom(1);
        for (int i = 0; i < 72; i++) {
            r.random();
        }
        double[] a = new double[20];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.random();
        }
        assertEquals(0.298844149954094, NumpyStd.std(a));
        double m = NumpySum.sequentialSum(a) / a.length;
        double s = 0.0;
        for (double v : a) {
            s += (v - m) * (v - m);
        }
        assertEquals(0.2988441499540939, Math.sqrt(s / a.length));
    }
}
