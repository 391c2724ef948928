package dev.dtrust.perspectives.fairness;

import dev.dtrust.core.python.PythonStrings;

/** The few Python {@code str} methods upstream's fairness code applies to texts. */
final class PythonText {
  private PythonText() {}

  /** {@code str.lower()} (numerics.md §7). */
  static String lower(String s) {
    return PythonStrings.lower(s);
  }

  /**
   * {@code str.capitalize()} (Python ≥ 3.8): the first character title-cased, the rest
   * lower-cased ({@code "no"} → {@code "No"}, {@code "yES"} → {@code "Yes"}).
   */
  static String capitalize(String s) {
    if (s.isEmpty()) {
      return s;
    }
    int first = s.codePointAt(0);
    int rest = Character.charCount(first);
    return new StringBuilder()
        .appendCodePoint(Character.toTitleCase(first))
        .append(PythonStrings.lower(s.substring(rest)))
        .toString();
  }

  /** {@code str.strip()} with no argument: removes Python whitespace ({@code str.isspace}) at both ends. */
  static String strip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  /** Python's {@code str.isspace} for one character (all Python whitespace is in the BMP). */
  static boolean isSpace(char c) {
    return PythonStrings.isspace(String.valueOf(c));
  }
}
