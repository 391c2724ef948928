package dev.dtrust.core.numerics;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Python 3.11 {@code random.Random} (numerics.md §5): MT19937 seeded with {@code init_by_array}, and the exact
 * draw sequences of {@code random}, {@code getrandbits}, {@code randrange}, {@code choice}, {@code shuffle} and
 * {@code sample}. Not thread-safe, like one Python instance used from one thread.
 */
public final class PythonRandom {

    private final Mt19937 mt = new Mt19937();

    /**
     * {@code random.Random(seed)}.
     *
     * @param seed an int seed; the sign is ignored as in Python
     */
    public PythonRandom(long seed) {
        seed(seed);
    }

    /**
     * {@code random.seed(n)} for an int.
     *
     * @param seed the seed; Python uses {@code abs(n)}
     */
    public void seed(long seed) {
        seed(BigInteger.valueOf(seed));
    }

    /**
     * {@code random.seed(n)} for an arbitrary-size int: the 32-bit little-endian words of {@code abs(n)} feed
     * {@code init_by_array}.
     *
     * @param seed the seed; the sign is ignored
     */
    public void seed(BigInteger seed) {
        BigInteger n = seed.abs();
        int words = Math.max(1, (n.bitLength() + 31) / 32);
        int[] key = new int[words];
        for (int i = 0; i < words; i++) {
            key[i] = n.shiftRight(32 * i).intValue();
        }
        mt.initByArray(key);
    }

    /**
     * {@code random.seed(s)} for a str (version 2): the int of {@code utf8(s) + sha512(utf8(s))}, big-endian.
     *
     * @param seed the string seed
     */
    public void seed(String seed) {
        byte[] text = seed.getBytes(StandardCharsets.UTF_8);
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-512").digest(text);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is required on every Java platform", e);
        }
        byte[] all = new byte[text.length + digest.length];
        System.arraycopy(text, 0, all, 0, text.length);
        System.arraycopy(digest, 0, all, text.length, digest.length);
        seed(new BigInteger(1, all));
    }

    /**
     * {@code random()}: a 53-bit float in [0, 1).
     *
     * @return the next float
     */
    public double random() {
        return mt.nextDouble();
    }

    /**
     * {@code getrandbits(k)} for {@code k <= 64}.
     *
     * @param k number of bits, 0..64
     * @return a value in [0, 2^k); for k = 64 the bits are returned as a (possibly negative) long
     * @throws IllegalArgumentException if k is outside 0..64
     */
    public long getrandbits(int k) {
        if (k < 0 || k > 64) {
            throw new IllegalArgumentException("k must be in 0..64, got " + k);
        }
        return getrandbitsBig(k).longValue();
    }

    /**
     * {@code getrandbits(k)} for any k: 32-bit words from the least significant up, the last one shifted right
     * by {@code 32 - remaining bits}.
     *
     * @param k number of bits, at least 0
     * @return a value in [0, 2^k)
     * @throws IllegalArgumentException if k is negative
     */
    public BigInteger getrandbitsBig(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("number of bits must be non-negative, got " + k);
        }
        if (k <= 32) {
            return k == 0 ? BigInteger.ZERO : BigInteger.valueOf(mt.nextUint32() >>> (32 - k));
        }
        BigInteger result = BigInteger.ZERO;
        int shift = 0;
        for (int remaining = k; remaining > 0; remaining -= 32) {
            long word = mt.nextUint32();
            if (remaining < 32) {
                word >>>= 32 - remaining;
            }
            result = result.or(BigInteger.valueOf(word).shiftLeft(shift));
            shift += 32;
        }
        return result;
    }

    /**
     * {@code _randbelow(n)}: rejection sampling with {@code n.bit_length()} bits per try.
     *
     * @param n exclusive upper bound, at least 1
     * @return a value in [0, n)
     * @throws IllegalArgumentException if n is less than 1
     */
    public int randbelow(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        int k = 32 - Integer.numberOfLeadingZeros(n);
        long r = getrandbits(k);
        while (r >= n) {
            r = getrandbits(k);
        }
        return (int) r;
    }

    /**
     * {@code randrange(stop)}.
     *
     * @param stop exclusive upper bound, at least 1
     * @return a value in [0, stop)
     * @throws IllegalArgumentException if the range is empty
     */
    public int randrange(int stop) {
        return randrange(0, stop);
    }

    /**
     * {@code randrange(start, stop)} = {@code start + _randbelow(stop - start)}.
     *
     * @param start inclusive lower bound
     * @param stop exclusive upper bound
     * @return a value in [start, stop)
     * @throws IllegalArgumentException if the range is empty or wider than {@code Integer.MAX_VALUE}
     */
    public int randrange(int start, int stop) {
        long width = (long) stop - start;
        if (width <= 0) {
            throw new IllegalArgumentException("empty range for randrange(" + start + ", " + stop + ")");
        }
        if (width > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("range too wide for an int: " + width);
        }
        return start + randbelow((int) width);
    }

    /**
     * {@code randint(a, b)} = {@code randrange(a, b + 1)}.
     *
     * @param a inclusive lower bound
     * @param b inclusive upper bound
     * @return a value in [a, b]
     * @throws IllegalArgumentException if {@code b < a}
     */
    public int randint(int a, int b) {
        return randrange(a, Math.addExact(b, 1));
    }

    /**
     * {@code choice(seq)} = {@code seq[_randbelow(len(seq))]}.
     *
     * @param <T> element type
     * @param seq a non-empty list
     * @return one element
     * @throws IndexOutOfBoundsException if the list is empty (Python raises IndexError)
     */
    public <T> T choice(List<T> seq) {
        if (seq.isEmpty()) {
            throw new IndexOutOfBoundsException("Cannot choose from an empty sequence");
        }
        return seq.get(randbelow(seq.size()));
    }

    /**
     * {@code shuffle(x)} in place: for i from the end down to 1, swap {@code x[i]} with {@code x[_randbelow(i+1)]}.
     *
     * @param x a mutable list
     */
    public void shuffle(List<?> x) {
        for (int i = x.size() - 1; i > 0; i--) {
            int j = randbelow(i + 1);
            Collections.swap(x, i, j);
        }
    }

    /**
     * {@code sample(population, k)}: the pool method for small populations, the set method otherwise, exactly as
     * CPython 3.11 chooses between them.
     *
     * @param <T> element type
     * @param population the population (not modified)
     * @param k number of elements to draw without replacement
     * @return a new mutable list of k elements in selection order
     * @throws IllegalArgumentException if k is negative or larger than the population
     */
    public <T> List<T> sample(List<T> population, int k) {
        int n = population.size();
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("Sample larger than population or is negative: k=" + k + ", n=" + n);
        }
        List<T> result = new ArrayList<>(k);
        int setsize = 21;
        if (k > 5) {
            setsize += (int) Math.pow(4, Math.ceil(Math.log(3.0 * k) / Math.log(4)));
        }
        if (n <= setsize) {
            List<T> pool = new ArrayList<>(population);
            for (int i = 0; i < k; i++) {
                int j = randbelow(n - i);
                result.add(pool.get(j));
                pool.set(j, pool.get(n - i - 1));
            }
        } else {
            Set<Integer> selected = new HashSet<>();
            for (int i = 0; i < k; i++) {
                int j = randbelow(n);
                while (selected.contains(j)) {
                    j = randbelow(n);
                }
                selected.add(j);
                result.add(population.get(j));
            }
        }
        return result;
    }

    /**
     * {@code uniform(a, b)} = {@code a + (b - a) * random()}.
     *
     * @param a one end
     * @param b the other end
     * @return a float between a and b
     */
    public double uniform(double a, double b) {
        return a + (b - a) * random();
    }
}
