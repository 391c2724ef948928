package dev.dtrust.core.datainit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PyStringTokenTest {

  private static String plain(String token) {
    PyStringToken t = PyStringToken.decode(token);
    assertFalse(t.fString());
    return t.plainText();
  }

  @Test
  void escapesFollowPythonAndUnknownEscapesKeepTheBackslash() {
    assertEquals("a\nb\tc\\d'e\"f\rg", plain("'a\\nb\\tc\\\\d\\'e\\\"f\\rg'"));
    assertEquals("i 100\\% agree", plain("\"i 100\\% agree\""));
    assertEquals("é é", plain("'\\xe9 \\u00e9'"));
    assertEquals("—", plain("'\\N{EM DASH}'"));
    assertEquals("ab", plain("'a\\\nb'"));
  }

  @Test
  void prefixesInAnyCaseAndRawStrings() {
    assertEquals("a\\nb", plain("r'a\\nb'"));
    assertEquals("a\\nb", plain("R\"a\\nb\""));
    assertEquals("x", plain("u'x'"));
    assertTrue(PyStringToken.decode("rF'{x}\\n'").fString());
    assertTrue(PyStringToken.decode("b'x'").bytes());
  }

  @Test
  void tripleQuotesKeepNewlinesAndQuotes() {
    assertEquals("line \"one\"\nline 'two'", plain("\"\"\"line \"one\"\nline 'two'\"\"\""));
  }

  @Test
  void fStringsSplitIntoTextAndPlaceholders() {
    PyStringToken t = PyStringToken.decode("f\"{{lit}} {a['k']}: {b}\\n\"");
    assertEquals(List.of(
        new PyStringToken.Part("{lit} ", null, null),
        new PyStringToken.Part(null, "a['k']", null),
        new PyStringToken.Part(": ", null, null),
        new PyStringToken.Part(null, "b", null),
        new PyStringToken.Part("\n", null, null)), t.parts());
    PyStringToken spec = PyStringToken.decode("f'{x:.2f}'");
    assertEquals(".2f", spec.parts().get(0).formatSpec());
  }
}
