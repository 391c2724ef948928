package dev.dtrust.core.perspective;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * String options of an evaluation, keyed {@code perspective.name} (e.g. {@code
 * stereotype.promptForm=UPSTREAM_HEAD}). A perspective reads its own through {@link
 * #forPerspective(String)}.
 */
public final class Options {
  private static final Options EMPTY = new Options(Map.of(), "");

  private final Map<String, String> values;
  private final String prefix;

  private Options(Map<String, String> values, String prefix) {
    this.values = values;
    this.prefix = prefix;
  }

  /** Options from {@code perspective.name → value} pairs. */
  public static Options of(Map<String, String> values) {
    return new Options(Collections.unmodifiableMap(new TreeMap<>(values)), "");
  }

  /** No options. */
  public static Options none() {
    return EMPTY;
  }

  /** The view of one perspective's options: {@code get("x")} reads {@code perspective.x}. */
  public Options forPerspective(String perspective) {
    return new Options(values, perspective + ".");
  }

  /** An option's value, or the default when unset. */
  public String get(String name, String defaultValue) {
    return values.getOrDefault(prefix + name, defaultValue);
  }

  /** Whether an option is set. */
  public boolean has(String name) {
    return values.containsKey(prefix + name);
  }

  /** A boolean option ({@code true}/{@code false}), or the default when unset. */
  public boolean flag(String name, boolean defaultValue) {
    String v = values.get(prefix + name);
    return v == null ? defaultValue : Boolean.parseBoolean(v.trim());
  }

  /** An enum option by constant name (case-insensitive), or the default when unset. */
  public <E extends Enum<E>> E enumValue(String name, E defaultValue) {
    String v = values.get(prefix + name);
    if (v == null) {
      return defaultValue;
    }
    for (E e : defaultValue.getDeclaringClass().getEnumConstants()) {
      if (e.name().equalsIgnoreCase(v.trim())) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "option " + prefix + name + ": unknown value '" + v + "'; expected one of "
            + java.util.Arrays.toString(defaultValue.getDeclaringClass().getEnumConstants()));
  }

  /** All options, keys in full form. */
  public Map<String, String> asMap() {
    return values;
  }
}
