package dev.dtrust.core.numerics;

/**
 * The MT19937 Mersenne Twister shared by {@link PythonRandom} and {@link NumpyRandomState} (numerics.md §5, §6):
 * standard generation and tempering, and both reference seeding routines. The two wrappers differ only in how they
 * seed it and how they turn 32-bit outputs into values.
 */
final class Mt19937 {

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] mt = new int[N];
    private int index = N;

    /** Reference {@code init_genrand(s)}; the next draw regenerates the whole state. */
    void initGenrand(long seed) {
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    /** Reference {@code init_by_array(key)}, as used by Python's {@code random.seed}. */
    void initByArray(int[] key) {
        initGenrand(19650218L);
        int i = 1;
        int j = 0;
        int keyLength = Math.max(key.length, 1);
        for (int k = Math.max(N, key.length); k > 0; k--) {
            int keyWord = key.length == 0 ? 0 : key[j];
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + keyWord + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= keyLength) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = UPPER_MASK;
        index = N;
    }

    /** The next tempered 32-bit output, as an unsigned value in a long. */
    long nextUint32() {
        if (index >= N) {
            twist();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    /** Two draws as {@code hi << 32 | lo} (numpy's {@code next_uint64} for MT19937). */
    long nextUint64() {
        long hi = nextUint32();
        long lo = nextUint32();
        return (hi << 32) | lo;
    }

    /** The 53-bit double in [0, 1) of CPython {@code random()} and numpy {@code random_sample()}. */
    double nextDouble() {
        long a = nextUint32() >>> 5;
        long b = nextUint32() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    private void twist() {
        for (int k = 0; k < N; k++) {
            int y = (mt[k] & UPPER_MASK) | (mt[(k + 1) % N] & LOWER_MASK);
            mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
        }
        index = 0;
    }
}
