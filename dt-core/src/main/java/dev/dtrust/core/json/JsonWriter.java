package dev.dtrust.core.json;

import dev.dtrust.core.numerics.PythonFloat;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON values (maps, lists, strings, numbers, booleans, null) the way Python's {@code
 * json.dumps(x, ensure_ascii=False)} does: floats as Python {@code repr} (shortest round trip),
 * strings with the escapes of json.dumps (quote, backslash, LF, CR, TAB, BS, FF, other control characters
 * as six-character hex escapes), everything else raw.
 * Two layouts: compact with sorted keys (canonical JSON, DESIGN.md §3) and
 * indented with keys in insertion order (reports).
 */
public final class JsonWriter {
  private final boolean sortKeys;
  private final String indent;
  private final boolean asciiOnly;

  private JsonWriter(boolean sortKeys, String indent, boolean asciiOnly) {
    this.sortKeys = sortKeys;
    this.indent = indent;
    this.asciiOnly = asciiOnly;
  }

  /** Compact, keys sorted by code point: {@code json.dumps(x, sort_keys=True, separators=(",",":"))}. */
  public static JsonWriter canonical() {
    return new JsonWriter(true, null, false);
  }

  /** Indented by two spaces, keys in insertion order (reports). */
  public static JsonWriter pretty() {
    return new JsonWriter(false, "  ", false);
  }

  /**
   * What Python's {@code json.dump(x, indent=4)} writes after upstream's recursive key sort:
   * sorted keys, four-space indent, non-ASCII escaped (upstream's {@code summary.json}).
   */
  public static JsonWriter pythonIndent4() {
    return new JsonWriter(true, "    ", true);
  }

  /** The JSON text of a value. */
  public String write(Object value) {
    StringBuilder b = new StringBuilder();
    write(b, value, 0);
    return b.toString();
  }

  private void write(StringBuilder b, Object v, int depth) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof String s) {
      string(b, s, asciiOnly);
    } else if (v instanceof Boolean bool) {
      b.append(bool ? "true" : "false");
    } else if (v instanceof Double d) {
      b.append(number(d));
    } else if (v instanceof Float f) {
      b.append(number(f.doubleValue()));
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
        || v instanceof BigInteger) {
      b.append(v);
    } else if (v instanceof BigDecimal bd) {
      b.append(number(bd.doubleValue()));
    } else if (v instanceof Map<?, ?> m) {
      map(b, m, depth);
    } else if (v instanceof Collection<?> c) {
      list(b, c, depth);
    } else if (v instanceof Object[] arr) {
      list(b, List.of(arr), depth);
    } else if (v instanceof double[] arr) {
      List<Object> l = new ArrayList<>(arr.length);
      for (double d : arr) {
        l.add(d);
      }
      list(b, l, depth);
    } else if (v instanceof Character c) {
      string(b, c.toString(), asciiOnly);
    } else {
      throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
    }
  }

  private static String number(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    return PythonFloat.repr(d);
  }

  private void map(StringBuilder b, Map<?, ?> m, int depth) {
    if (m.isEmpty()) {
      b.append("{}");
      return;
    }
    List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
    if (sortKeys) {
      entries.sort((x, y) -> compareCodePoints(String.valueOf(x.getKey()), String.valueOf(y.getKey())));
    }
    b.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> e : entries) {
      if (!first) {
        b.append(',');
      }
      first = false;
      newline(b, depth + 1);
      string(b, String.valueOf(e.getKey()), asciiOnly);
      b.append(indent == null ? ":" : ": ");
      write(b, e.getValue(), depth + 1);
    }
    newline(b, depth);
    b.append('}');
  }

  private void list(StringBuilder b, Collection<?> c, int depth) {
    if (c.isEmpty()) {
      b.append("[]");
      return;
    }
    b.append('[');
    boolean first = true;
    for (Object o : c) {
      if (!first) {
        b.append(',');
      }
      first = false;
      newline(b, depth + 1);
      write(b, o, depth + 1);
    }
    newline(b, depth);
    b.append(']');
  }

  private void newline(StringBuilder b, int depth) {
    if (indent != null) {
      b.append('\n');
      for (int i = 0; i < depth; i++) {
        b.append(indent);
      }
    }
  }

  /** Compares by Unicode code point, as Python sorts {@code str} keys. */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** Appends a JSON string literal with Python's escapes. */
  static void string(StringBuilder b, String s, boolean asciiOnly) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (c < 0x20 || (asciiOnly && c > 0x7f)) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
