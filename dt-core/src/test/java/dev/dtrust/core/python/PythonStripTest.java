package dev.dtrust.core.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PythonStripTest {

  @Test
  void stripsPythonWhitespaceThatJavaKeeps() {
    assertEquals("yes", PythonStrip.strip("\u00a0\u0085yes\u202f\u2007"));
    assertEquals("a b", PythonStrip.strip(" \t\n\r\u000b\u000c\u001c\u001fa b\u3000\u2028"));
    assertEquals("", PythonStrip.strip(" \n "));
    assertEquals("x", PythonStrip.strip("x"));
  }

  @Test
  void keepsNonWhitespace() {
    assertFalse(PythonStrip.isWhitespace('\u200b')); // zero-width space is not isspace() in Python
    assertFalse(PythonStrip.isWhitespace('\u180e'));
    assertTrue(PythonStrip.isWhitespace('\u1680'));
    assertEquals("\u200byes", PythonStrip.strip("\u200byes "));
  }

  @Test
  void capitalizeLowersTheTail() {
    assertEquals("Yes", PythonCapitalize.capitalize("YES"));
    assertEquals("No", PythonCapitalize.capitalize("no"));
    assertEquals("Positive", PythonCapitalize.capitalize("pOSITIVE"));
    assertEquals("", PythonCapitalize.capitalize(""));
    assertEquals("\u01c5a", PythonCapitalize.capitalize("\u01c6A")); // dž → title-case Dž
  }
}
