package dev.dtrust.core.python;

/**
 * Python 3.11 {@code str.strip()} with no argument: removes leading and trailing characters for
 * which {@code str.isspace()} is true. That set differs from Java's {@link String#strip()}:
 * Python also strips U+0085, U+00A0, U+2007 and U+202F (Java does not), and both strip
 * U+001C–U+001F. All of Python's whitespace is in the BMP, so a {@code char} test is exact.
 */
public final class PythonStrip {
  private PythonStrip() {}

  /** {@code s.strip()}. */
  public static String strip(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && isWhitespace(s.charAt(from))) {
      from++;
    }
    while (to > from && isWhitespace(s.charAt(to - 1))) {
      to--;
    }
    return s.substring(from, to);
  }

  /**
   * Whether Python's {@code str.isspace()} is true for this character: U+0009–000D, U+001C–001F,
   * U+0020, U+0085, U+00A0, U+1680, U+2000–200A, U+2028, U+2029, U+202F, U+205F, U+3000.
   */
  public static boolean isWhitespace(char c) {
    return (c >= '\t' && c <= '\r')
        || (c >= '\u001c' && c <= ' ')
        || c == '\u0085'
        || c == '\u00a0'
        || c == '\u1680'
        || (c >= '\u2000' && c <= '\u200a')
        || c == '\u2028'
        || c == '\u2029'
        || c == '\u202f'
        || c == '\u205f'
        || c == '\u3000';
  }
}
