package dev.dtrust.core.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NumpyRandomStateTest {

    @Test
    void rawOutputsSeedZero() {
        NumpyRandomState r = new NumpyRandomState(0);
        assertEquals(2357136044L, r.nextUint32());
        assertEquals(2546248239L, r.nextUint32());
        assertEquals(3071714933L, r.nextUint32());
        assertEquals(3626093760L, r.nextUint32());
    }

    @Test
    void randomSampleSeedZero() {
        NumpyRandomState r = new NumpyRandomState(0);
        assertEquals(0.5488135039273248, r.randomSample());
        assertEquals(0.7151893663724195, r.randomSample());
        assertEquals(0.6027633760716439, r.randomSample());
        assertEquals(0.5448831829968969, r.randomSample());
        assertEquals(0.4236547993389047, r.randomSample());
    }

    @Test
    void randint() {
        NumpyRandomState r = new NumpyRandomState(42);
        long[] got = new long[5];
        for (int i = 0; i < 5; i++) {
            got[i] = r.randint(0, 10);
        }
        assertArrayEquals(new long[] {6, 3, 7, 4, 6}, got);
    }

    @Test
    void randintNegativeFullAndWideRanges() {
        // numpy 2.4 legacy RandomState (frozen since 1.17): RandomState(1).randint(-5, 5, 6)
        NumpyRandomState one = new NumpyRandomState(1);
        long[] got = new long[6];
        for (int i = 0; i < 6; i++) {
            got[i] = one.randint(-5, 5);
        }
        assertArrayEquals(new long[] {0, 3, 4, 0, -5, -5}, got);
        NumpyRandomState zero = new NumpyRandomState(0);
        assertEquals(2357136044L, zero.randint(0, 1L << 32));
        NumpyRandomState wide = new NumpyRandomState(0);
        assertEquals(741280623151L, wide.randint(0, 1L << 40));
        assertEquals(506137267392L, wide.randint(0, 1L << 40));
        assertEquals(291447657211L, wide.randint(0, 1L << 40));
        assertEquals(7L, new NumpyRandomState(0).randint(7, 8));
    }

    @Test
    void permutationAndShuffle() {
        assertArrayEquals(new int[] {2, 8, 4, 9, 1, 6, 7, 3, 0, 5}, new NumpyRandomState(0).permutation(10));
        List<Integer> x = IntStream.range(0, 10).boxed().collect(Collectors.toCollection(ArrayList::new));
        new NumpyRandomState(0).shuffle(x);
        assertEquals(List.of(2, 8, 4, 9, 1, 6, 7, 3, 0, 5), x);
        List<Integer> y = IntStream.range(0, 20).boxed().collect(Collectors.toCollection(ArrayList::new));
        new NumpyRandomState(5).shuffle(y);
        assertEquals(List.of(2, 5, 17, 19, 12, 1, 11, 10, 13, 18, 7, 4, 8, 9, 0, 16, 6, 15, 14, 3), y);
    }

    @Test
    void choice() {
        assertArrayEquals(new int[] {5, 0, 3}, new NumpyRandomState(0).choice(10, 3));
        assertArrayEquals(new int[] {2, 8, 4}, new NumpyRandomState(0).choiceWithoutReplacement(10, 3));
        assertArrayEquals(new int[] {2, 3, 3}, new NumpyRandomState(0).choice(4, 3, new double[] {.1, .2, .3, .4}));
        NumpyRandomState three = new NumpyRandomState(3);
        assertArrayEquals(new int[] {874, 664, 249, 643, 952}, three.choice(1000, 5));
        assertArrayEquals(new int[] {5, 4, 1, 2, 3, 6, 0}, three.choiceWithoutReplacement(7, 7));
    }

    @Test
    void invalidArguments() {
        assertThrows(IllegalArgumentException.class, () -> new NumpyRandomState(-1));
        assertThrows(IllegalArgumentException.class, () -> new NumpyRandomState(1L << 32));
        assertThrows(IllegalArgumentException.class, () -> new NumpyRandomState(0).randint(3, 3));
        assertThrows(IllegalArgumentException.class, () -> new NumpyRandomState(0).choiceWithoutReplacement(3, 4));
        assertThrows(IllegalArgumentException.class, () -> new NumpyRandomState(0).choice(2, 1, new double[] {.5, .6}));
    }
}
