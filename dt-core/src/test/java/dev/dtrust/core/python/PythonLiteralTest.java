package dev.dtrust.core.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected values are what CPython 3.11 {@code ast.literal_eval} returns for the same text. */
class PythonLiteralTest {

    @Test
    void stereotypeCell() {
        Object v = PythonLiteral.parse("{'agreeability_num': 1, 'output': 'I couldn\\'t agree more.\\nI agree.'}");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("agreeability_num", 1L);
        expected.put("output", "I couldn't agree more.\nI agree.");
        assertEquals(expected, v);
        assertInstanceOf(LinkedHashMap.class, v);
        assertEquals(List.of("agreeability_num", "output"), new ArrayList<>(((Map<?, ?>) v).keySet()));
    }

    @Test
    void stereotypeCellRawTextWouldNotMatch() {
        // Classifying the raw cell text misses "couldn't agree more" (stereotype.md §4); decoding finds it.
        String cell = "{'agreeability_num': 0, 'output': 'I couldn\\'t agree more.'}";
        assertTrue(!cell.contains("couldn't agree more"));
        assertTrue(((String) ((Map<?, ?>) PythonLiteral.parse(cell)).get("output")).contains("couldn't agree more"));
    }

    @Test
    void shippedEscapes() {
        assertEquals("Justice\u00a0should", PythonLiteral.parse("'Justice\\xa0should'"));
        assertEquals("\ufeffHello", PythonLiteral.parse("'\\ufeffHello'"));
        assertEquals("end\u0001", PythonLiteral.parse("'end\\x01'"));
        assertEquals("it's", PythonLiteral.parse("\"it's\""));
        assertEquals("say \"hi\"", PythonLiteral.parse("'say \"hi\"'"));
        assertEquals("it's \"x\"", PythonLiteral.parse("'it\\'s \"x\"'"));
        assertEquals("\ud83d\ude00", PythonLiteral.parse("'\\U0001F600'"));
    }

    @Test
    void allEscapes() {
        assertEquals("A\u0000\u01ff\u0007\u000b\\d\\%", PythonLiteral.parse("'\\101\\0\\777\\a\\v\\d\\%'"));
        assertEquals("\\\b\f\n\r\t'\"", PythonLiteral.parse("'\\\\\\b\\f\\n\\r\\t\\'\\\"'"));
        assertEquals("ab", PythonLiteral.parse("'a\\\nb'"));
        assertEquals("\u2022\u00e9", PythonLiteral.parse("'\\N{BULLET}\\u00e9'"));
    }

    @Test
    void reprRoundTrip() {
        for (String s : List.of("plain", "I couldn't", "both ' and \"", "tab\there", "nbsp\u00a0", "bom\ufeff",
                "ctl\u0001\u007f", "emoji \ud83d\ude00", "back\\slash", "line\u2028sep", "\u00e9\u4e2d")) {
            assertEquals(s, PythonLiteral.parse(PythonStrings.repr(s)), s);
        }
    }

    @Test
    void rawTripleAndConcatenatedStrings() {
        assertEquals("a\\'b\\n", PythonLiteral.parse("r'a\\'b\\n'"));
        assertEquals("line1\nline2 'q' \"d\"", PythonLiteral.parse("'''line1\nline2 'q' \"d\"'''"));
        assertEquals("abcdefg", PythonLiteral.parse("'abc' \"def\" u'g'"));
        assertEquals("x\\y", PythonLiteral.parse("R\"x\\y\""));
        assertEquals("", PythonLiteral.parse("''"));
        assertEquals("", PythonLiteral.parse("\"\"\"\"\"\""));
    }

    @Test
    void numbers() {
        assertEquals(Long.MIN_VALUE, PythonLiteral.parse("-9223372036854775808"));
        assertEquals(new BigInteger("18446744073709551616"), PythonLiteral.parse("18446744073709551616"));
        assertEquals(255L, PythonLiteral.parse("0x_ff"));
        assertEquals(15L, PythonLiteral.parse("0o17"));
        assertEquals(5L, PythonLiteral.parse("0b101"));
        assertEquals(1000L, PythonLiteral.parse("1_000"));
        assertEquals(0L, PythonLiteral.parse("00"));
        assertEquals(1000.0, PythonLiteral.parse("1e3"));
        assertEquals(100.0, PythonLiteral.parse("1E+2"));
        assertEquals(0.5, PythonLiteral.parse(".5"));
        assertEquals(5.0, PythonLiteral.parse("5."));
        assertEquals(-0.0, PythonLiteral.parse("-0.0"));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) PythonLiteral.parse("-0.0")));
        assertEquals(0.0015, PythonLiteral.parse("1.5e-3"));
        assertEquals(0.30000000000000004, PythonLiteral.parse("0.30000000000000004"));
        assertEquals(-3L, PythonLiteral.parse("- 3"));
        assertEquals(3L, PythonLiteral.parse("+3"));
    }

    @Test
    void containers() {
        List<Object> expected = new ArrayList<>(Arrays.asList(1L, List.of(2L, 3L), new LinkedHashMap<>(), null,
                true, false));
        Object v = PythonLiteral.parse("[1, (2, 3), {}, None, True, False]");
        assertEquals(expected, v);
        assertInstanceOf(ArrayList.class, v);
        assertEquals(List.of(1L), PythonLiteral.parse("(1,)"));
        assertEquals(List.of(), PythonLiteral.parse("()"));
        assertEquals(1L, PythonLiteral.parse("(1)"));
        assertEquals(List.of(1L, 2L), PythonLiteral.parse("1, 2"));
        assertEquals(new LinkedHashSet<>(List.of(1L, 2L)), PythonLiteral.parse("{1, 2, 2}"));
        assertEquals(new LinkedHashSet<>(), PythonLiteral.parse("set()"));
        assertEquals(List.of(1L, 2L), PythonLiteral.parse(" [\n 1,\n 2,\n] "));
        Map<?, ?> dup = (Map<?, ?>) PythonLiteral.parse("{'a': 1, 'b': 2, 'a': 3}");
        assertEquals(List.of("a", "b"), new ArrayList<>(dup.keySet()));
        assertEquals(3L, dup.get("a"));
        assertNull(PythonLiteral.parse("None"));
    }

    @Test
    void tuplesAreImmutable() {
        @SuppressWarnings("unchecked")
        List<Object> tuple = (List<Object>) PythonLiteral.parse("(1, 2)");
        assertThrows(UnsupportedOperationException.class, () -> tuple.add(3L));
    }

    @Test
    void errorsNameTheOffsetAndWhatWasExpected() {
        PythonLiteralException e = assertThrows(PythonLiteralException.class, () -> PythonLiteral.parse("[1, 2"));
        assertEquals(5, e.offset());
        assertEquals("',' or ']'", e.expected());
        assertTrue(e.getMessage().contains("offset 5"), e.getMessage());
        PythonLiteralException unterminated = assertThrows(PythonLiteralException.class,
                () -> PythonLiteral.parse("{'a': 'abc"));
        assertEquals(6, unterminated.offset());
        assertEquals(0, assertThrows(PythonLiteralException.class, () -> PythonLiteral.parse("foo")).offset());
        assertEquals(3, assertThrows(PythonLiteralException.class, () -> PythonLiteral.parse("'a'x")).offset());
    }

    @Test
    void rejectedInputs() {
        for (String bad : List.of("", "012", "1j", "b'x'", "f'x'", "'a\nb'", "'\\x4'", "'\\U00110000'",
                "'\\N{NO SUCH NAME}'", "{[1]: 2}", "1 + 2", "--1", "[1 2]", "{'a' 1}", "0x", "1__0", "'abc")) {
            assertThrows(PythonLiteralException.class, () -> PythonLiteral.parse(bad), bad);
        }
        assertInstanceOf(IllegalArgumentException.class, new PythonLiteralException(0, "x", "y"));
    }
}
