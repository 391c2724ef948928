package dev.dtrust.core.datainit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** JSON pointers over plain Java trees (maps and lists), with {@code *} matching any array index. */
final class JsonPaths {
  private JsonPaths() {}

  /** The segments of a pointer ({@code ~1} and {@code ~0} unescaped). */
  static List<String> segments(String pointer) {
    List<String> out = new ArrayList<>();
    if (pointer == null || pointer.isEmpty()) {
      return out;
    }
    for (String s : pointer.substring(1).split("/", -1)) {
      out.add(s.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  /** Whether the pattern (with {@code *}) matches the path exactly. */
  static boolean matches(List<String> pattern, List<String> path) {
    if (pattern.size() != path.size()) {
      return false;
    }
    for (int i = 0; i < pattern.size(); i++) {
      if (!pattern.get(i).equals("*") && !pattern.get(i).equals(path.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether the pattern matches a prefix of the path. */
  static boolean coversPrefix(List<String> pattern, List<String> path) {
    return path.size() >= pattern.size() && matches(pattern, path.subList(0, pattern.size()));
  }

  /** The value at a concrete path, or {@code MISSING}. */
  static Object get(Object root, List<String> path) {
    Object c = root;
    for (String s : path) {
      if (c instanceof Map<?, ?> m && m.containsKey(s)) {
        c = m.get(s);
      } else if (c instanceof List<?> l && s.matches("\\d+") && Integer.parseInt(s) < l.size()) {
        c = l.get(Integer.parseInt(s));
      } else {
        return MISSING;
      }
    }
    return c;
  }

  /** Marker for an absent path. */
  static final Object MISSING = new Object();

  /** Sets the value at a concrete path whose parent exists; list indices may append. */
  @SuppressWarnings("unchecked")
  static void set(Object root, List<String> path, Object value) {
    Object parent = get(root, path.subList(0, path.size() - 1));
    String last = path.get(path.size() - 1);
    if (parent instanceof Map<?, ?> m) {
      ((Map<String, Object>) m).put(last, value);
    } else if (parent instanceof List<?> l) {
      int i = Integer.parseInt(last);
      List<Object> list = (List<Object>) l;
      while (list.size() <= i) {
        list.add(null);
      }
      list.set(i, value);
    } else {
      throw new IllegalArgumentException("no container at " + path.subList(0, path.size() - 1));
    }
  }

  /** Concrete paths of all existing matches of a pattern, in document order. */
  static List<List<String>> expand(Object root, List<String> pattern) {
    List<List<String>> out = new ArrayList<>();
    expand(root, pattern, 0, new ArrayList<>(), out);
    return out;
  }

  private static void expand(Object node, List<String> pattern, int i, List<String> path, List<List<String>> out) {
    if (i == pattern.size()) {
      out.add(new ArrayList<>(path));
      return;
    }
    String s = pattern.get(i);
    if (s.equals("*")) {
      if (node instanceof List<?> l) {
        for (int k = 0; k < l.size(); k++) {
          path.add(String.valueOf(k));
          expand(l.get(k), pattern, i + 1, path, out);
          path.remove(path.size() - 1);
        }
      }
      return;
    }
    Object next = get(node, List.of(s));
    if (next != MISSING) {
      path.add(s);
      expand(next, pattern, i + 1, path, out);
      path.remove(path.size() - 1);
    }
  }

  /** Paths of all leaves (scalars, null, empty containers), document order. */
  static List<List<String>> leaves(Object root) {
    List<List<String>> out = new ArrayList<>();
    leaves(root, new ArrayList<>(), out);
    return out;
  }

  private static void leaves(Object node, List<String> path, List<List<String>> out) {
    if (node instanceof Map<?, ?> m && !m.isEmpty()) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        path.add((String) e.getKey());
        leaves(e.getValue(), path, out);
        path.remove(path.size() - 1);
      }
    } else if (node instanceof List<?> l && !l.isEmpty()) {
      for (int i = 0; i < l.size(); i++) {
        path.add(String.valueOf(i));
        leaves(l.get(i), path, out);
        path.remove(path.size() - 1);
      }
    } else {
      out.add(new ArrayList<>(path));
    }
  }

  /** A pointer string for a concrete path. */
  static String pointer(List<String> path) {
    StringBuilder b = new StringBuilder();
    for (String s : path) {
      b.append('/').append(s.replace("~", "~0").replace("/", "~1"));
    }
    return b.toString();
  }
}
