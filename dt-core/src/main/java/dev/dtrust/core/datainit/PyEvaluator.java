package dev.dtrust.core.datainit;

import dev.dtrust.core.data.DataException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Evaluates a {@link PyExpr} without running Python: literals, names resolved by a lookup function,
 * subscripts with int/str keys, {@code +} on strings/lists/numbers, {@code *} on numbers and
 * sequences, {@code len()}, {@code list()}, {@code str()}, {@code range()}, {@code .keys()},
 * {@code .values()}, {@code .items()}, {@code str.replace/removeprefix/rsplit}. F-string
 * placeholders are evaluated and rendered with Python's {@code str()}.
 * Values: String, Long, Double, Boolean, null, List (lists and tuples), LinkedHashMap.
 */
public final class PyEvaluator {
  private final String file;
  private final Function<String, Object> names;

  /**
   * @param file names the source in errors
   * @param names resolves a name; throws {@link DataException} when unknown
   */
  public PyEvaluator(String file, Function<String, Object> names) {
    this.file = file;
    this.names = names;
  }

  /** The value of {@code e}. */
  public Object eval(PyExpr e) {
    if (e instanceof PyExpr.Const c) {
      return c.value();
    } else if (e instanceof PyExpr.Str s) {
      return string(s);
    } else if (e instanceof PyExpr.Name n) {
      return names.apply(n.name());
    } else if (e instanceof PyExpr.Attr a) {
      throw fail("attribute '" + a.name() + "' used without a call");
    } else if (e instanceof PyExpr.Subscript s) {
      return subscript(eval(s.obj()), eval(s.index()));
    } else if (e instanceof PyExpr.Call c) {
      return call(c);
    } else if (e instanceof PyExpr.BinOp b) {
      return binop(b.op(), eval(b.left()), eval(b.right()));
    } else if (e instanceof PyExpr.Neg n) {
      return negate(eval(n.operand()));
    } else if (e instanceof PyExpr.ListLit l) {
      return evalAll(l.items());
    } else if (e instanceof PyExpr.TupleLit t) {
      return evalAll(t.items());
    } else if (e instanceof PyExpr.DictLit d) {
      Map<Object, Object> m = new LinkedHashMap<>();
      for (int i = 0; i < d.keys().size(); i++) {
        m.put(eval(d.keys().get(i)), eval(d.values().get(i)));
      }
      return m;
    }
    throw new IllegalStateException("unknown node " + e);
  }

  private List<Object> evalAll(List<PyExpr> items) {
    List<Object> out = new ArrayList<>(items.size());
    for (PyExpr x : items) {
      out.add(eval(x));
    }
    return out;
  }

  private String string(PyExpr.Str s) {
    StringBuilder b = new StringBuilder();
    for (PyStringToken t : s.tokens()) {
      if (t.bytes()) {
        throw fail("a str literal (bytes literals are not supported)");
      }
      for (PyStringToken.Part p : t.parts()) {
        if (p.text() != null) {
          b.append(p.text());
        } else {
          if (p.formatSpec() != null || p.expression().endsWith("=") || p.expression().contains("!")) {
            throw fail("an f-string placeholder without conversion or format spec: {" + p.expression() + "}");
          }
          b.append(str(eval(PyExprParser.parseText(file, p.expression()))));
        }
      }
    }
    return b.toString();
  }

  /** Python's {@code str()} of a scalar value. */
  public static String str(Object v) {
    if (v == null) {
      return "None";
    }
    if (v instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (v instanceof Double d) {
      return dev.dtrust.core.numerics.PythonFloat.repr(d);
    }
    if (v instanceof String || v instanceof Long) {
      return v.toString();
    }
    throw new IllegalArgumentException("str() of a container is not supported: " + v);
  }

  private Object subscript(Object obj, Object key) {
    if (obj instanceof List<?> l && key instanceof Long i) {
      long idx = i < 0 ? l.size() + i : i;
      if (idx < 0 || idx >= l.size()) {
        throw fail("index " + i + " out of range for a sequence of " + l.size());
      }
      return l.get((int) idx);
    }
    if (obj instanceof String s && key instanceof Long i) {
      int idx = (int) (i < 0 ? s.length() + i : i);
      return String.valueOf(s.charAt(idx));
    }
    if (obj instanceof Map<?, ?> m) {
      if (!m.containsKey(key)) {
        throw fail("key " + key + " not found");
      }
      return m.get(key);
    }
    throw fail("a subscript of a list, str or dict, not of " + typeName(obj));
  }

  private Object call(PyExpr.Call c) {
    List<Object> args = evalAll(c.args());
    if (c.func() instanceof PyExpr.Name n) {
      return switch (n.name()) {
        case "len" -> (long) length(one(args, "len"));
        case "list" -> list(one(args, "list"));
        case "str" -> str(one(args, "str"));
        case "range" -> {
          List<Object> r = new ArrayList<>();
          for (long i = 0; i < (Long) one(args, "range"); i++) {
            r.add(i);
          }
          yield r;
        }
        default -> throw fail("a supported function (len, list, str, range), not " + n.name());
      };
    }
    if (c.func() instanceof PyExpr.Attr a) {
      Object obj = eval(a.obj());
      return method(obj, a.name(), args);
    }
    throw fail("a call of a named function or method");
  }

  private Object method(Object obj, String name, List<Object> args) {
    if (obj instanceof Map<?, ?> m) {
      return switch (name) {
        case "keys" -> new ArrayList<Object>(m.keySet());
        case "values" -> new ArrayList<Object>(m.values());
        case "items" -> {
          List<Object> out = new ArrayList<>();
          m.forEach((k, v) -> out.add(new ArrayList<>(java.util.Arrays.asList(k, v))));
          yield out;
        }
        default -> throw fail("a dict method keys/values/items, not " + name);
      };
    }
    if (obj instanceof String s) {
      return switch (name) {
        case "replace" -> s.replace((String) args.get(0), (String) args.get(1));
        case "removeprefix" -> s.startsWith((String) args.get(0))
            ? s.substring(((String) args.get(0)).length()) : s;
        case "rsplit" -> rsplit(s, (String) args.get(0), (Long) args.get(1));
        default -> throw fail("a str method replace/removeprefix/rsplit, not " + name);
      };
    }
    throw fail("a method of a dict or str, not of " + typeName(obj));
  }

  private static List<Object> rsplit(String s, String sep, long max) {
    List<Object> parts = new ArrayList<>();
    String rest = s;
    while (max < 0 || parts.size() < max) {
      int i = rest.lastIndexOf(sep);
      if (i < 0) {
        break;
      }
      parts.add(0, rest.substring(i + sep.length()));
      rest = rest.substring(0, i);
    }
    parts.add(0, rest);
    return parts;
  }

  private Object one(List<Object> args, String fn) {
    if (args.size() != 1) {
      throw fail(fn + "() with one argument");
    }
    return args.get(0);
  }

  private int length(Object v) {
    if (v instanceof List<?> l) {
      return l.size();
    }
    if (v instanceof Map<?, ?> m) {
      return m.size();
    }
    if (v instanceof String s) {
      return s.codePointCount(0, s.length());
    }
    throw fail("len() of a list, dict or str, not of " + typeName(v));
  }

  private List<Object> list(Object v) {
    if (v instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    if (v instanceof Map<?, ?> m) {
      return new ArrayList<>(m.keySet());
    }
    if (v instanceof String s) {
      List<Object> out = new ArrayList<>();
      s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
      return out;
    }
    throw fail("list() of a list, dict or str, not of " + typeName(v));
  }

  private Object binop(String op, Object l, Object r) {
    if (op.equals("+")) {
      if (l instanceof String a && r instanceof String b) {
        return a + b;
      }
      if (l instanceof List<?> a && r instanceof List<?> b) {
        List<Object> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
      }
      if (l instanceof Long a && r instanceof Long b) {
        return Math.addExact(a, b);
      }
    }
    if (op.equals("-") && l instanceof Long a && r instanceof Long b) {
      return Math.subtractExact(a, b);
    }
    if (op.equals("*")) {
      if (l instanceof Long a && r instanceof Long b) {
        return Math.multiplyExact(a, b);
      }
      if (l instanceof String a && r instanceof Long b) {
        return a.repeat((int) Math.max(0, b));
      }
      if (l instanceof List<?> a && r instanceof Long b) {
        List<Object> out = new ArrayList<>();
        for (long i = 0; i < b; i++) {
          out.addAll(a);
        }
        return out;
      }
    }
    throw fail("operator " + op + " on " + typeName(l) + " and " + typeName(r) + " is not supported");
  }

  private Object negate(Object v) {
    if (v instanceof Long l) {
      return -l;
    }
    if (v instanceof Double d) {
      return -d;
    }
    throw fail("unary minus on a number, not on " + typeName(v));
  }

  private static String typeName(Object v) {
    if (v == null) {
      return "None";
    }
    if (v instanceof List) {
      return "list";
    }
    if (v instanceof Map) {
      return "dict";
    }
    return v.getClass().getSimpleName();
  }

  private DataException fail(String problem) {
    return new DataException(file, 0, null, problem);
  }
}
