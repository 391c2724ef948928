package dev.dtrust.core.python;


/**
 * Python 3.8+ {@code str.capitalize()}: the first character title-cased, every other character
 * lower-cased ({@code "YES"} → {@code "Yes"}, {@code "nO"} → {@code "No"}).
 *
 * <p>Limit: the first character uses Java's simple title-case mapping; Python's full mapping
 * differs for a few characters that expand (e.g. {@code ß} → {@code Ss}, ligatures).
 */
public final class PythonCapitalize {
  private PythonCapitalize() {}

  /** {@code s.capitalize()}. */
  public static String capitalize(String s) {
    if (s.isEmpty()) {
      return s;
    }
    int first = s.codePointAt(0);
    int len = Character.charCount(first);
    return new StringBuilder(s.length())
        .appendCodePoint(Character.toTitleCase(first))
        .append(PythonStrings.lower(s.substring(len)))
        .toString();
  }
}
