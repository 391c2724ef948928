package dev.dtrust.core.datainit;

import dev.dtrust.core.data.DataException;
import dev.dtrust.core.python.PythonLiteral;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates a symbol of the source map, {@code [scope::]expr[ | transform]}, in one Python file
 * (data-init.md "Symbol grammar").
 */
public final class SymbolEvaluator {
  private static final Pattern ORDINAL = Pattern.compile("\\$(str|list|dict|tuple|fstr|fstrn|comment)\\[(\\d+)]");
  private static final Pattern DEFAULT = Pattern.compile("\\$default\\[(\\w+)]");
  private static final Pattern NTH = Pattern.compile("(\\w+)#(\\d+)");

  private final PySource source;

  /** An evaluator over one parsed file. */
  public SymbolEvaluator(PySource source) {
    this.source = source;
  }

  /** The value of a full symbol (scope, expression, optional transform). */
  public Object evaluate(String symbol) {
    String expr = symbol;
    String transform = null;
    int bar = symbol.indexOf(" | ");
    if (bar >= 0) {
      expr = symbol.substring(0, bar).strip();
      transform = symbol.substring(bar + 3).strip();
    }
    String scopeName = "";
    int sep = expr.indexOf("::");
    if (sep >= 0) {
      scopeName = expr.substring(0, sep);
      expr = expr.substring(sep + 2);
    }
    PyScope scope = source.scope(scopeName);
    if ("comments".equals(transform)) {
      return categories(scope, expr);
    }
    Object v = expression(scope, expr);
    if (transform == null) {
      return v;
    }
    if (transform.equals("comment-assignment[0].content")) {
      return commentAssignment(v);
    }
    return Transforms.apply(source.file(), transform, v, null);
  }

  private Object expression(PyScope scope, String expr) {
    Matcher m = ORDINAL.matcher(expr);
    if (m.matches()) {
      return ordinal(scope, m.group(1), Integer.parseInt(m.group(2)));
    }
    m = DEFAULT.matcher(expr);
    if (m.matches()) {
      return evaluator(scope).eval(source.parameterDefault(scope, m.group(1)));
    }
    m = NTH.matcher(expr);
    if (m.matches()) {
      PySource.Assignment a = source.assignment(scope, m.group(1), Integer.parseInt(m.group(2)));
      if (a == null) {
        throw missing(expr, scope);
      }
      return evaluator(scope).eval(source.expressionAt(a.value()));
    }
    int star = expr.indexOf("[*]");
    if (star >= 0) {
      Object base = evaluator(scope).eval(PyExprParser.parseText(source.file(), expr.substring(0, star)));
      int n = base instanceof List<?> l ? l.size() : ((Map<?, ?>) base).size();
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String one = expr.substring(0, star) + "[" + i + "]" + expr.substring(star + 3);
        out.add(evaluator(scope).eval(PyExprParser.parseText(source.file(), one)));
      }
      return out;
    }
    return evaluator(scope).eval(PyExprParser.parseText(source.file(), expr));
  }

  private Object ordinal(PyScope scope, String kind, int n) {
    switch (kind) {
      case "str": {
        List<PySource.StrConstant> all = source.strConstants(scope);
        check(n, all.size(), kind, scope);
        return all.get(n).value();
      }
      case "fstr":
      case "fstrn": {
        List<List<PyStringToken.Part>> all = source.fStrings(scope);
        check(n, all.size(), kind, scope);
        StringBuilder b = new StringBuilder();
        for (PyStringToken.Part p : all.get(n)) {
          if (p.text() != null) {
            b.append(p.text());
          } else {
            b.append('{').append(kind.equals("fstrn") ? p.expression() : "").append('}');
          }
        }
        return b.toString();
      }
      case "comment": {
        List<String> all = source.comments(scope);
        check(n, all.size(), kind, scope);
        return all.get(n);
      }
      default: {
        List<Integer> all = source.displays(scope, kind);
        check(n, all.size(), kind, scope);
        return evaluator(scope).eval(source.displayAt(all.get(n)));
      }
    }
  }

  private void check(int n, int size, String kind, PyScope scope) {
    if (n >= size) {
      throw new DataException(source.file(), scope.firstLine(), "$" + kind + "[" + n + "]",
          "scope '" + scope.name() + "' has only " + size + " " + kind + " items");
    }
  }

  /** Names resolve to the last assignment in the scope, then at module level. */
  private PyEvaluator evaluator(PyScope scope) {
    return new PyEvaluator(source.file(), name -> {
      PySource.Assignment a = source.lastAssignment(scope, name);
      PyScope where = scope;
      if (a == null) {
        a = source.lastAssignment(source.module(), name);
        where = source.module();
      }
      if (a == null) {
        throw missing(name, scope);
      }
      return evaluator(where).eval(source.expressionAt(a.value()));
    });
  }

  private DataException missing(String name, PyScope scope) {
    return new DataException(source.file(), scope.firstLine(), name,
        "no assignment to '" + name + "' in scope '" + scope.name() + "' or at module level");
  }

  /** {@code comments}: first comment inside each element of a list display, as a category name. */
  private List<Object> categories(PyScope scope, String name) {
    PySource.Assignment a = source.lastAssignment(scope, name);
    if (a == null) {
      throw missing(name, scope);
    }
    PyExpr e = source.expressionAt(a.value());
    if (!(e instanceof PyExpr.ListLit list)) {
      throw new DataException(source.file(), source.tokens().get(a.value()).line(), name, "a list display");
    }
    List<Object> out = new ArrayList<>();
    for (PyExpr item : list.items()) {
      int from = item.start();
      // the element's opening bracket comes first; its comment follows it
      String c = source.firstComment(from, item.end());
      if (c == null) {
        throw new DataException(source.file(), source.tokens().get(from).line(), name,
            "a # comment inside every element");
      }
      out.add(Transforms.category(c));
    }
    return out;
  }

  /** {@code comment-assignment[0].content}: {@code messages = [...]} in a comment, element 0, key content. */
  private Object commentAssignment(Object v) {
    String text = (String) v;
    int eq = text.indexOf('=');
    if (eq < 0) {
      throw new DataException(source.file(), 0, text, "a commented-out assignment 'name = [...]'");
    }
    Object parsed = PythonLiteral.parse(text.substring(eq + 1).strip());
    Object first = ((List<?>) parsed).get(0);
    return ((Map<?, ?>) first).get("content");
  }
}
