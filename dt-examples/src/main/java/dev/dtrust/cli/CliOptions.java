package dev.dtrust.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses repeated {@code --option perspective.name=value} arguments. */
final class CliOptions {
  private CliOptions() {}

  static Map<String, String> parse(List<String> pairs) {
    Map<String, String> out = new LinkedHashMap<>();
    if (pairs == null) {
      return out;
    }
    for (String p : pairs) {
      int eq = p.indexOf('=');
      if (eq <= 0 || p.indexOf('.') < 0 || p.indexOf('.') > eq) {
        throw new IllegalArgumentException("--option: expected perspective.name=value, found '" + p + "'");
      }
      out.put(p.substring(0, eq), p.substring(eq + 1));
    }
    return out;
  }
}
