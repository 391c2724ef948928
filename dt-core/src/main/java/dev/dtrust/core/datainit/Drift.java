package dev.dtrust.core.datainit;

/**
 * An extracted value whose SHA-256 differs from the source map's.
 *
 * @param perspective the perspective
 * @param pointer the JSON pointer in {@code templates/<perspective>.json}
 * @param file the upstream file read (null for skeleton-authored entries)
 * @param symbol the symbol evaluated (or the compose parts)
 * @param expected the map's SHA-256
 * @param actual the SHA-256 of the extracted value
 */
public record Drift(String perspective, String pointer, String file, String symbol, String expected, String actual) {

  /** One line for users. */
  public String describe() {
    return perspective + " " + pointer + ": " + (file == null ? "skeleton" : file) + " :: " + symbol
        + " (expected sha256 " + expected.substring(0, 12) + "…, got " + actual.substring(0, 12) + "…)";
  }
}
