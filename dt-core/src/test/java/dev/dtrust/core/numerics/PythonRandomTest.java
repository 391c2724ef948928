package dev.dtrust.core.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PythonRandomTest {

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().collect(Collectors.toCollection(ArrayList::new));
    }

    @Test
    void seedZeroRandom() {
        PythonRandom r = new PythonRandom(0);
        assertEquals(0.8444218515250481, r.random());
        assertEquals(0.7579544029403025, r.random());
        assertEquals(0.420571580830845, r.random());
    }

    @Test
    void seedZeroGetrandbits() {
        PythonRandom r = new PythonRandom(0);
        assertEquals(3626764237L, r.getrandbits(32));
        assertEquals(1654615998L, r.getrandbits(32));
        assertEquals(3255389356L, r.getrandbits(32));
    }

    @Test
    void seed42AndMultiWordSeed() {
        assertEquals(0.6394267984578837, new PythonRandom(42).random());
        PythonRandom r = new PythonRandom(0);
        r.seed(BigInteger.ONE.shiftLeft(32).add(BigInteger.ONE));
        assertEquals(991850117L, r.getrandbits(32));
    }

    @Test
    void negativeSeedIsAbs() {
        assertEquals(new PythonRandom(42).random(), new PythonRandom(-42).random());
    }

    @Test
    void randrangeChoiceRandint() {
        PythonRandom r = new PythonRandom(0);
        int[] got = new int[5];
        for (int i = 0; i < 5; i++) {
            got[i] = r.randrange(10);
        }
        assertEquals(List.of(6, 6, 0, 4, 8), IntStream.of(got).boxed().toList());
        r.seed(0);
        List<Character> abcde = List.of('a', 'b', 'c', 'd', 'e');
        assertEquals(List.of('d', 'd', 'a'), List.of(r.choice(abcde), r.choice(abcde), r.choice(abcde)));
        PythonRandom one = new PythonRandom(1);
        List<Integer> dice = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            dice.add(one.randint(1, 6));
        }
        assertEquals(List.of(2, 5, 1, 3, 1), dice);
    }

    @Test
    void shuffle() {
        PythonRandom r = new PythonRandom(0);
        List<Integer> x = range(10);
        r.shuffle(x);
        assertEquals(List.of(7, 8, 1, 5, 3, 4, 2, 0, 9, 6), x);
    }

    @Test
    void samplePoolMethod() {
        assertEquals(List.of(6, 9, 0), new PythonRandom(0).sample(range(10), 3));
        assertEquals(List.of(49, 97, 53, 5, 33), new PythonRandom(0).sample(range(100), 5));
    }

    @Test
    void sampleSetMethod() {
        assertEquals(List.of(864, 394, 776, 911, 430), new PythonRandom(0).sample(range(1000), 30).subList(0, 5));
    }

    @Test
    void sampleRejectsTooLarge() {
        assertThrows(IllegalArgumentException.class, () -> new PythonRandom(0).sample(range(3), 4));
    }

    @Test
    void numpySeedingDiffers() {
        // random.seed(0) uses init_by_array; numpy's RandomState(0) uses init_genrand (numerics.md §6).
        assertNotEquals(new NumpyRandomState(0).randomSample(), new PythonRandom(0).random());
    }

    @Test
    void stringSeedUsesSha512() {
        // Python 3.11.7: r = random.Random('hello'); r.random(), r.getrandbits(64), r.getrandbits(40)
        PythonRandom r = new PythonRandom(0);
        r.seed("hello");
        assertEquals(0.3537754404730722, r.random());
        assertEquals(new BigInteger("13987231184674316751").longValue(), r.getrandbits(64));
        assertEquals(122611031453L, r.getrandbits(40));
    }

    @Test
    void largeSeedUniformAndWideGetrandbits() {
        PythonRandom r = new PythonRandom(0);
        r.seed(BigInteger.TWO.pow(64).add(BigInteger.valueOf(5)));
        assertEquals(0.5105783769365112, r.random());
        assertEquals(4.533265554575144, new PythonRandom(0).uniform(2, 5));
        assertEquals(new BigInteger("892550237140533643213"), new PythonRandom(0).getrandbitsBig(70));
        assertEquals(List.of(10, 4, 12, 20, 1, 2), new PythonRandom(7).sample(range(30), 6));
    }
}
