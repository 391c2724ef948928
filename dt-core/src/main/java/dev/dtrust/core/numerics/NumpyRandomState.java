package dev.dtrust.core.numerics;

import java.util.Collections;
import java.util.List;

/**
 * numpy's legacy {@code np.random.RandomState(seed)} / {@code np.random.seed(seed)} (numerics.md §6): MT19937
 * seeded with {@code init_genrand(seed)} (not Python's {@code init_by_array}), with the legacy bounded-integer,
 * shuffle and choice algorithms. Not thread-safe.
 */
public final class NumpyRandomState {

    private static final long UINT32_MAX = 0xffffffffL;

    private final Mt19937 mt = new Mt19937();

    /**
     * {@code RandomState(seed)} for an int seed.
     *
     * @param seed 0 &lt;= seed &lt; 2^32
     * @throws IllegalArgumentException if the seed is outside that range (numpy raises ValueError)
     */
    public NumpyRandomState(long seed) {
        if (seed < 0 || seed > UINT32_MAX) {
            throw new IllegalArgumentException("Seed must be between 0 and 2**32 - 1, got " + seed);
        }
        mt.initGenrand(seed);
    }

    /**
     * The next raw 32-bit MT19937 output.
     *
     * @return an unsigned 32-bit value
     */
    public long nextUint32() {
        return mt.nextUint32();
    }

    /**
     * {@code random_sample()} / {@code rand()}: a 53-bit float in [0, 1) from two 32-bit draws.
     *
     * @return the next float
     */
    public double randomSample() {
        return mt.nextDouble();
    }

    /**
     * {@code randint(low, high)} with the default int64 dtype: masked rejection sampling, one 32-bit draw per try
     * when {@code high - 1 - low < 2^32}, else 64-bit draws.
     *
     * @param low inclusive lower bound
     * @param high exclusive upper bound
     * @return a value in [low, high)
     * @throws IllegalArgumentException if {@code low >= high}
     */
    public long randint(long low, long high) {
        if (low >= high) {
            throw new IllegalArgumentException("low >= high: " + low + " >= " + high);
        }
        long rng = high - 1 - low; // unsigned
        if (rng == 0) {
            return low;
        }
        if (Long.compareUnsigned(rng, UINT32_MAX) <= 0) {
            if (rng == UINT32_MAX) {
                return low + mt.nextUint32();
            }
            long mask = mask(rng);
            long v;
            do {
                v = mt.nextUint32() & mask;
            } while (v > rng);
            return low + v;
        }
        long mask = mask(rng);
        long v;
        do {
            v = mt.nextUint64() & mask;
        } while (Long.compareUnsigned(v, rng) > 0);
        return low + v;
    }

    /**
     * {@code shuffle(x)} in place: for i from the end down to 1, swap with {@code random_interval(i)}.
     *
     * @param x a mutable list
     */
    public void shuffle(List<?> x) {
        for (int i = x.size() - 1; i > 0; i--) {
            Collections.swap(x, i, (int) randomInterval(i));
        }
    }

    /**
     * {@code permutation(n)}: a shuffled {@code arange(n)}.
     *
     * @param n the length, at least 0
     * @return a permutation of 0..n-1
     */
    public int[] permutation(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = (int) randomInterval(i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /**
     * {@code choice(n, size)} with replacement and uniform weights: {@code randint(0, n, size)}.
     *
     * @param n population size, at least 1
     * @param size number of draws
     * @return indices in [0, n)
     * @throws IllegalArgumentException if n is less than 1
     */
    public int[] choice(int n, int size) {
        if (n < 1) {
            throw new IllegalArgumentException("a must be greater than 0 unless no samples are taken");
        }
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = (int) randint(0, n);
        }
        return out;
    }

    /**
     * {@code choice(n, size, replace=False)} with uniform weights: {@code permutation(n)[:size]} (the whole
     * permutation is drawn even when size is small).
     *
     * @param n population size
     * @param size number of distinct indices, at most n
     * @return distinct indices in [0, n)
     * @throws IllegalArgumentException if size is negative or larger than n
     */
    public int[] choiceWithoutReplacement(int n, int size) {
        if (size < 0 || size > n) {
            throw new IllegalArgumentException(
                    "Cannot take a larger sample than population when 'replace=False' (size=" + size + ", n=" + n + ")");
        }
        int[] perm = permutation(n);
        int[] out = new int[size];
        System.arraycopy(perm, 0, out, 0, size);
        return out;
    }

    /**
     * {@code choice(n, size, p=p)} with replacement: {@code cdf = cumsum(p); cdf /= cdf[-1]}, one
     * {@code random_sample()} per draw, {@code searchsorted(cdf, u, side='right')}.
     *
     * @param n population size, equal to {@code p.length}
     * @param size number of draws
     * @param p probabilities, non-negative, summing to 1 within {@code sqrt(eps)}
     * @return indices in [0, n)
     * @throws IllegalArgumentException if p has the wrong length, a negative entry, or does not sum to 1
     */
    public int[] choice(int n, int size, double[] p) {
        if (p.length != n) {
            throw new IllegalArgumentException("'a' and 'p' must have same size: " + n + " vs " + p.length);
        }
        double[] cdf = new double[n];
        double acc = 0.0;
        for (int i = 0; i < n; i++) {
            if (p[i] < 0 || Double.isNaN(p[i])) {
                throw new IllegalArgumentException("probabilities are not non-negative: p[" + i + "] = " + p[i]);
            }
            acc += p[i]; // cumsum is a sequential accumulation
            cdf[i] = acc;
        }
        // numpy checks abs(kahan_sum(p) - 1) > sqrt(eps); the compensated sum stands in for its Kahan sum.
        if (Math.abs(KahanMean.sum(p) - 1.0) > Math.sqrt(Math.ulp(1.0))) {
            throw new IllegalArgumentException("probabilities do not sum to 1");
        }
        double last = cdf[n - 1];
        for (int i = 0; i < n; i++) {
            cdf[i] /= last;
        }
        int[] out = new int[size];
        for (int k = 0; k < size; k++) {
            double u = randomSample();
            int lo = 0;
            int hi = n;
            while (lo < hi) { // first index with cdf[index] > u
                int mid = (lo + hi) >>> 1;
                if (cdf[mid] <= u) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            out[k] = lo;
        }
        return out;
    }

    /** numpy {@code random_interval(max)}: masked rejection, 64-bit draws only when max needs them. */
    private long randomInterval(long max) {
        if (max == 0) {
            return 0;
        }
        long mask = mask(max);
        long value;
        if (max <= UINT32_MAX) {
            do {
                value = mt.nextUint32() & mask;
            } while (value > max);
        } else {
            do {
                value = mt.nextUint64() & mask;
            } while (Long.compareUnsigned(value, max) > 0);
        }
        return value;
    }

    private static long mask(long max) {
        long m = max;
        m |= m >>> 1;
        m |= m >>> 2;
        m |= m >>> 4;
        m |= m >>> 8;
        m |= m >>> 16;
        m |= m >>> 32;
        return m;
    }
}
