package dev.dtrust.core.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Expected values are CPython 3.11 output (checked exhaustively over all code points while writing the class). */
class PythonStringsTest {

    @Test
    void lowerSpecVectors() {
        assertEquals("i agree.", PythonStrings.lower("I AGREE."));
        assertEquals("i\u0307stanbul", PythonStrings.lower("\u0130stanbul"));
        assertEquals("\u03bf\u03b4\u03bf\u03c2", PythonStrings.lower("\u039f\u0394\u039f\u03a3"));
        assertEquals("\u03c3\u03b1\u03c2 \u03c3", PythonStrings.lower("\u03a3\u0391\u03a3 \u03a3"));
        assertEquals("\u00df", PythonStrings.lower("\u1e9e"));
        assertEquals("k", PythonStrings.lower("\u212a"));
        assertEquals("\u01c6", PythonStrings.lower("\u01c5"));
        assertEquals("\u217b", PythonStrings.lower("\u216b"));
        assertEquals("\uff41\uff42\uff43", PythonStrings.lower("\uff21\uff22\uff23"));
    }

    @Test
    void lowerFinalSigmaFollowsCpythonNotJava() {
        // CPython: 'σ1Σ'.lower() == 'σ1σ' (a digit is not cased); Java's word-boundary rule gives final sigma.
        assertEquals("\u03c31\u03c3", PythonStrings.lower("\u03c31\u03a3"));
        assertEquals("\u03c31\u03c2", "\u03c31\u03a3".toLowerCase(Locale.ROOT));
        // 'ΑΣ.' -> 'ας.' and "ΑΣ'Α" -> "ασ'α" (the apostrophe is case-ignorable)
        assertEquals("\u03b1\u03c2.", PythonStrings.lower("\u0391\u03a3."));
        assertEquals("\u03b1\u03c3'\u03b1", PythonStrings.lower("\u0391\u03a3'\u0391"));
        // "σΣ1Α." : Python ς, Java σ
        assertEquals("\u03c3\u03c21\u03b1.", PythonStrings.lower("\u03c3\u03a31\u0391."));
        assertNotEquals(PythonStrings.lower("\u03c3\u03a31\u0391."), "\u03c3\u03a31\u0391.".toLowerCase(Locale.ROOT));
    }

    @Test
    void lowerKnowsUnicode14() {
        assertEquals(new String(Character.toChars(0x10597)), PythonStrings.lower(new String(Character.toChars(0x10570))));
        assertEquals("\u2c5f", PythonStrings.lower("\u2c2f"));
        assertEquals("\ua7d9", PythonStrings.lower("\ua7d8"));
    }

    @Test
    void lowerNeverUsesTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr"));
            assertEquals("i", PythonStrings.lower("I"));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void reprQuoteChoice() {
        assertEquals("'abc'", PythonStrings.repr("abc"));
        assertEquals("\"I couldn't agree more.\\nI agree.\"", PythonStrings.repr("I couldn't agree more.\nI agree."));
        assertEquals("'say \"hi\"'", PythonStrings.repr("say \"hi\""));
        assertEquals("'it\\'s \"x\"'", PythonStrings.repr("it's \"x\""));
        assertEquals("'a\\\\b'", PythonStrings.repr("a\\b"));
        assertEquals("''", PythonStrings.repr(""));
    }

    @Test
    void reprEscapes() {
        String s = "\t\r\u0001\u007f\u0080\u00a0\u00ad\u2028\ufeff" + new String(Character.toChars(0x1F600))
                + new String(Character.toChars(0xE0001)) + "\ud800";
        assertEquals("'\\t\\r\\x01\\x7f\\x80\\xa0\\xad\\u2028\\ufeff" + new String(Character.toChars(0x1F600))
                + "\\U000e0001\\ud800'", PythonStrings.repr(s));
        assertEquals("'\u00e9\u4e2d'", PythonStrings.repr("\u00e9\u4e2d"));
        assertEquals("'Justice\\xa0should'", PythonStrings.repr("Justice\u00a0should"));
    }

    @Test
    void printable() {
        assertTrue(PythonStrings.isPrintable(' '));
        assertFalse(PythonStrings.isPrintable(0xA0));
        assertFalse(PythonStrings.isPrintable(0xFEFF));
        assertTrue(PythonStrings.isPrintable(0x1FAF0)); // Unicode 14 emoji, unassigned in Java 17
        assertFalse(PythonStrings.isPrintable(0x1FAF7)); // still unassigned in Unicode 14
    }

    @Test
    void isspaceMatchesPythonNotJava() {
        assertTrue(PythonStrings.isspace(" \t\n\u0085\u00a0\u2007\u202f\u3000\u001c"));
        assertFalse("\u00a0".isBlank());
        assertFalse(PythonStrings.isspace(""));
        assertTrue("".isBlank());
        assertFalse(PythonStrings.isspace(" x "));
        assertFalse(PythonStrings.isspace("\u200b"));
    }

  @Test
  void lowersToAsciiNamesExactlyTheNonAsciiCharactersWhoseLowerCaseHasAscii() {
    for (char c = 0x80; c != 0; c++) {
      boolean ascii = PythonStrings.lower(String.valueOf(c)).chars().anyMatch(x -> x < 0x80);
      org.junit.jupiter.api.Assertions.assertEquals(ascii, PythonStrings.lowersToAscii(c), Integer.toHexString(c));
    }
  }
}
