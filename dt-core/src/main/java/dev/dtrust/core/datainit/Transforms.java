package dev.dtrust.core.datainit;

import dev.dtrust.core.data.DataException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The fixed set of transforms of the symbol grammar (data-init.md "Symbol grammar"). The
 * comprehension forms are named functions; the string-method chains ({@code removeprefix},
 * {@code rsplit}, {@code replace}) are checked against their shape and evaluated with {@link
 * PyEvaluator} over {@code v} (and {@code Y}, the YAML document). {@code comments} and
 * {@code comment-assignment[0].content} need the source and live in {@link SymbolEvaluator}.
 */
public final class Transforms {
  private static final String STR = "'(?:[^'\\\\]|\\\\.)*'";
  private static final String ARG = "(?:" + STR + "|str\\(Y\\['\\w+'\\]\\))";
  private static final Pattern REMOVEPREFIX = Pattern.compile("v\\.removeprefix\\(" + STR + "\\)");
  private static final Pattern RSPLIT = Pattern.compile("v\\.rsplit\\(" + STR + ", ?\\d+\\)\\[-?\\d+\\]");
  private static final Pattern REPLACE = Pattern.compile("v(?:\\.replace\\(" + ARG + ", ?" + ARG + "\\))+");

  private Transforms() {}

  /** Whether {@code t} is one of the supported transforms. */
  public static boolean isKnown(String t) {
    return switch (t) {
      case "list(v)", "range(len(v))", "[v[1], v[0]]", "dict(v, **{'mnli-mm': v['mnli']})",
          "{str(k): x for k, x in v.items()}", "{k: [[w, i] for w, i in m.items()] for k, m in v.items()}",
          "{k: (k if k != 'mnli-mm' else 'mnli') for k in sorted(v)}", "comments",
          "comment-assignment[0].content" -> true;
      default -> REMOVEPREFIX.matcher(t).matches() || RSPLIT.matcher(t).matches()
          || REPLACE.matcher(t).matches();
    };
  }

  /**
   * Applies a value transform.
   *
   * @param file names the source in errors
   * @param t the transform text
   * @param v the value
   * @param yamlDocument the YAML document for {@code Y}, or null
   */
  public static Object apply(String file, String t, Object v, Map<String, Object> yamlDocument) {
    switch (t) {
      case "list(v)":
        return listOf(v);
      case "range(len(v))":
        return indices(v);
      case "[v[1], v[0]]":
        return swapPair(v);
      case "dict(v, **{'mnli-mm': v['mnli']})":
        return withMnliMismatched(v);
      case "{str(k): x for k, x in v.items()}":
        return stringKeys(v);
      case "{k: [[w, i] for w, i in m.items()] for k, m in v.items()}":
        return innerDictsAsPairs(v);
      case "{k: (k if k != 'mnli-mm' else 'mnli') for k in sorted(v)}":
        return glueMetricConfigs(v);
      default:
        break;
    }
    if (!isKnown(t)) {
      throw new DataException(file, 0, t, "a supported transform (data-init.md)");
    }
    PyExpr e = PyExprParser.parseText(file, t);
    return new PyEvaluator(file, name -> {
      if (name.equals("v")) {
        return v;
      }
      if (name.equals("Y") && yamlDocument != null) {
        return yamlDocument;
      }
      throw new DataException(file, 0, name, "unknown name in transform " + t);
    }).eval(e);
  }

  /** {@code list(v)}: a list copy, or the keys of a dict. */
  static List<Object> listOf(Object v) {
    if (v instanceof Map<?, ?> m) {
      return new ArrayList<>(m.keySet());
    }
    return new ArrayList<>((List<?>) v);
  }

  /** {@code range(len(v))}: 0..n-1. */
  static List<Object> indices(Object v) {
    int n = v instanceof Map<?, ?> m ? m.size() : ((List<?>) v).size();
    List<Object> out = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      out.add(i);
    }
    return out;
  }

  /** {@code [v[1], v[0]]}. */
  static List<Object> swapPair(Object v) {
    List<?> l = (List<?>) v;
    return new ArrayList<>(List.of(l.get(1), l.get(0)));
  }

  /** {@code dict(v, **{'mnli-mm': v['mnli']})}: adds {@code mnli-mm} as a copy of {@code mnli}. */
  static Map<Object, Object> withMnliMismatched(Object v) {
    Map<Object, Object> out = new LinkedHashMap<>((Map<?, ?>) v);
    out.put("mnli-mm", out.get("mnli"));
    return out;
  }

  /** {@code {str(k): x for k, x in v.items()}}. */
  static Map<Object, Object> stringKeys(Object v) {
    Map<Object, Object> out = new LinkedHashMap<>();
    ((Map<?, ?>) v).forEach((k, x) -> out.put(PyEvaluator.str(k), x));
    return out;
  }

  /** {@code {k: [[w, i] for w, i in m.items()] for k, m in v.items()}}. */
  static Map<Object, Object> innerDictsAsPairs(Object v) {
    Map<Object, Object> out = new LinkedHashMap<>();
    ((Map<?, ?>) v).forEach((k, m) -> {
      List<Object> pairs = new ArrayList<>();
      ((Map<?, ?>) m).forEach((w, i) -> pairs.add(new ArrayList<>(java.util.Arrays.asList(w, i))));
      out.put(k, pairs);
    });
    return out;
  }

  /** {@code {k: (k if k != 'mnli-mm' else 'mnli') for k in sorted(v)}}. */
  static Map<Object, Object> glueMetricConfigs(Object v) {
    Map<Object, Object> out = new LinkedHashMap<>();
    for (Object k : new TreeSet<>(((Map<?, ?>) v).keySet().stream().map(String.class::cast).toList())) {
      out.put(k, k.equals("mnli-mm") ? "mnli" : k);
    }
    return out;
  }

  /** The {@code comments} transform's rule for one comment text (toxicity categories). */
  static String category(String comment) {
    String c = dev.dtrust.core.python.PythonStrings.lower(comment);
    if (c.endsWith(" prompt")) {
      c = c.substring(0, c.length() - " prompt".length());
    }
    return c.equals("adv") ? "adversarial" : c;
  }
}
