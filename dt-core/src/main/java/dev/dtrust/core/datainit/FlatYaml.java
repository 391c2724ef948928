package dev.dtrust.core.datainit;

import dev.dtrust.core.data.DataException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads upstream's Hydra configs: one-level YAML 1.1 mappings of {@code key: value  # comment} with
 * plain or quoted scalars and flow lists. OmegaConf interpolations ({@code ${...}}) stay plain
 * strings. Anything else (nested blocks, anchors) is an error naming file and line.
 */
public final class FlatYaml {
  private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern FLOAT = Pattern.compile("[-+]?([0-9]*\\.[0-9]+|[0-9]+\\.[0-9]*)([eE][-+]?[0-9]+)?");

  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Map<String, String> comments = new LinkedHashMap<>();

  private FlatYaml() {}

  /** Parses the text of a config file; {@code file} names it in errors. */
  public static FlatYaml parse(String file, String text) {
    FlatYaml y = new FlatYaml();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].stripTrailing();
      if (line.isBlank() || line.stripLeading().startsWith("#") || line.equals("---")) {
        continue;
      }
      if (Character.isWhitespace(line.charAt(0))) {
        throw new DataException(file, i + 1, null, "a top-level 'key: value' line (nested YAML is not supported)");
      }
      int colon = line.indexOf(": ");
      if (colon < 0 && line.endsWith(":")) {
        colon = line.length() - 1;
      }
      if (colon < 0) {
        throw new DataException(file, i + 1, null, "a 'key: value' line");
      }
      String key = line.substring(0, colon).strip();
      String rest = colon + 1 < line.length() ? line.substring(colon + 1) : "";
      int hash = commentStart(rest);
      if (hash >= 0) {
        y.comments.put(key, rest.substring(hash + 1).strip());
        rest = rest.substring(0, hash);
      }
      y.values.put(key, scalarOrList(file, i + 1, key, rest.strip()));
    }
    return y;
  }

  /** The whole document as an ordered map. */
  public Map<String, Object> document() {
    return values;
  }

  /** The value at a dot path (one level in these configs); empty path = whole document. */
  public Object get(String file, String path) {
    if (path.isEmpty()) {
      return values;
    }
    if (!values.containsKey(path)) {
      throw new DataException(file, 0, path, "no key '" + path + "' in this config");
    }
    return values.get(path);
  }

  /** The trailing comment of the line {@code key: value}, {@code #} and blanks stripped. */
  public String comment(String file, String key) {
    String c = comments.get(key);
    if (c == null) {
      throw new DataException(file, 0, key, "no trailing # comment on the line of '" + key + "'");
    }
    return c;
  }

  private static int commentStart(String s) {
    char q = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (q != 0) {
        if (c == q) {
          q = 0;
        }
      } else if (c == '"' || c == '\'') {
        q = c;
      } else if (c == '#' && (i == 0 || Character.isWhitespace(s.charAt(i - 1)))) {
        return i;
      }
    }
    return -1;
  }

  private static Object scalarOrList(String file, int line, String key, String v) {
    if (v.startsWith("[")) {
      if (!v.endsWith("]")) {
        throw new DataException(file, line, key, "a flow list closed on the same line");
      }
      List<Object> out = new ArrayList<>();
      String inner = v.substring(1, v.length() - 1).strip();
      if (inner.isEmpty()) {
        return out;
      }
      for (String item : splitTopLevel(inner)) {
        out.add(scalar(item.strip()));
      }
      return out;
    }
    return scalar(v);
  }

  private static List<String> splitTopLevel(String s) {
    List<String> out = new ArrayList<>();
    char q = 0;
    int from = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (q != 0) {
        if (c == q) {
          q = 0;
        }
      } else if (c == '"' || c == '\'') {
        q = c;
      } else if (c == ',') {
        out.add(s.substring(from, i));
        from = i + 1;
      }
    }
    out.add(s.substring(from));
    return out;
  }

  /** A YAML 1.1 plain or quoted scalar. */
  static Object scalar(String v) {
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      return v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
      return v.substring(1, v.length() - 1).replace("''", "'");
    }
    switch (v) {
      case "", "~", "null", "Null", "NULL":
        return null;
      case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON":
        return Boolean.TRUE;
      case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF":
        return Boolean.FALSE;
      default:
        break;
    }
    if (INT.matcher(v).matches()) {
      return Long.parseLong(v);
    }
    if (FLOAT.matcher(v).matches()) {
      return Double.parseDouble(v);
    }
    return v;
  }
}
