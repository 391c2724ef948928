package dev.dtrust.core.numerics;

import java.util.Objects;

/**
 * numpy 1.24 {@code np.add.reduce} / {@code np.sum} / {@code np.mean} over one contiguous run of float64 values
 * (numerics.md §1): pairwise summation with eight accumulators, blocks of at most 8192 elements added left to right.
 *
 * <p>Python's built-in {@code sum()} (3.11) is {@link #sequentialSum(double[])}; never use
 * {@code DoubleStream.sum()}, which is compensated and matches neither.
 */
public final class NumpySum {

    /** numpy's {@code PW_BLOCKSIZE}: runs up to this length are summed with eight accumulators. */
    static final int PW_BLOCKSIZE = 128;

    /** numpy's {@code BUFSIZE}: the reduction loop sees at most this many elements per inner-loop call. */
    static final int BUFSIZE = 8192;

    private NumpySum() {
    }

    /**
     * {@code np.sum(a)} of a C-contiguous 1-D float64 array (e.g. a Python list passed to numpy).
     *
     * @param a the values in memory order
     * @return the numpy sum; {@code 0.0} for an empty array
     */
    public static double sum(double[] a) {
        return sum(a, 0, a.length);
    }

    /**
     * {@code np.sum(a[from:to])}: the numpy sum of the contiguous run {@code a[from..to)}.
     *
     * @param a the values in memory order
     * @param from first index, inclusive
     * @param to last index, exclusive
     * @return the numpy sum; {@code 0.0} for an empty run
     * @throws IndexOutOfBoundsException if the range is not within {@code a}
     */
    public static double sum(double[] a, int from, int to) {
        Objects.checkFromToIndex(from, to, a.length);
        // The reduction starts from the identity 0.0 and adds each buffered block's pairwise sum (§1 "Buffering").
        double acc = 0.0;
        for (int start = from; start < to; start += BUFSIZE) {
            acc += pairwiseSum(a, start, Math.min(BUFSIZE, to - start));
        }
        return acc;
    }

    /**
     * {@code np.mean(a)} of a C-contiguous 1-D float64 array: {@link #sum(double[])} divided by the element count.
     *
     * @param a the values in memory order
     * @return the numpy mean; NaN for an empty array (numpy warns and returns nan)
     */
    public static double mean(double[] a) {
        return sum(a) / a.length;
    }

    /**
     * Plain left-to-right sum starting from the first element: Python 3.11 {@code sum(list)} and numpy's reduction
     * along a non-contiguous axis.
     *
     * @param a the values in order
     * @return {@code ((a0 + a1) + a2) + ...}; {@code 0.0} for an empty array
     */
    public static double sequentialSum(double[] a) {
        double acc = 0.0;
        for (double v : a) {
            acc += v;
        }
        return acc;
    }

    /**
     * numpy's {@code pairwise_sum} over {@code a[offset..offset+n)} without the 8192-element buffering of
     * {@link #sum(double[], int, int)}.
     *
     * @param a the values in memory order
     * @param offset index of the first element
     * @param n number of elements
     * @return the pairwise sum; {@code 0.0} when {@code n == 0}
     * @throws IndexOutOfBoundsException if the range is not within {@code a}
     */
    public static double pairwiseSum(double[] a, int offset, int n) {
        Objects.checkFromIndexSize(offset, n, a.length);
        return pairwise(a, offset, n);
    }

    private static double pairwise(double[] a, int offset, int n) {
        if (n < 8) {
            // -0.0 makes this exactly "left to right from the first element" (keeps a lone -0.0).
            double res = -0.0;
            for (int i = 0; i < n; i++) {
                res += a[offset + i];
            }
            return res;
        }
        if (n <= PW_BLOCKSIZE) {
            double r0 = a[offset];
            double r1 = a[offset + 1];
            double r2 = a[offset + 2];
            double r3 = a[offset + 3];
            double r4 = a[offset + 4];
            double r5 = a[offset + 5];
            double r6 = a[offset + 6];
            double r7 = a[offset + 7];
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                int p = offset + i;
                r0 += a[p];
                r1 += a[p + 1];
                r2 += a[p + 2];
                r3 += a[p + 3];
                r4 += a[p + 4];
                r5 += a[p + 5];
                r6 += a[p + 6];
                r7 += a[p + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += a[offset + i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwise(a, offset, n2) + pairwise(a, offset + n2, n - n2);
    }
}
