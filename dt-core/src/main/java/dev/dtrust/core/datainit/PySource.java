package dev.dtrust.core.datainit;

import dev.dtrust.core.data.DataException;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed Python file: tokens plus the def/class scope tree, with the look-ups of the symbol
 * grammar (data-init.md "Symbol grammar"): assignments in a scope, the N-th string/list/dict/tuple
 * literal, f-strings, comments and parameter defaults. Nothing is executed.
 */
public final class PySource {
  private final String file;
  private final List<PyToken> tokens;
  private final PyScope module;

  private PySource(String file, List<PyToken> tokens) {
    this.file = file;
    this.tokens = tokens;
    List<PyScope> top = new ArrayList<>();
    block(0, tokens.size(), top);
    int last = tokens.isEmpty() ? 1 : tokens.get(tokens.size() - 1).line();
    this.module = new PyScope("", -1, 0, tokens.size(), 1, last, top);
  }

  /** Parses {@code text}; {@code file} names it in errors. */
  public static PySource parse(String file, String text) {
    return new PySource(file, PyTokenizer.tokenize(file, text));
  }

  /** The file name given at parse time. */
  public String file() {
    return file;
  }

  /** The tokens. */
  public List<PyToken> tokens() {
    return tokens;
  }

  /** The module scope. */
  public PyScope module() {
    return module;
  }

  /** The scope for a dotted path, or an error naming it. */
  public PyScope scope(String dotted) {
    PyScope s = module.find(dotted);
    if (s == null) {
      throw new DataException(file, 0, dotted, "no def or class '" + dotted + "' in this file");
    }
    return s;
  }

  private void block(int from, int to, List<PyScope> out) {
    int i = from;
    while (i < to) {
      PyToken t = tokens.get(i);
      boolean lineStart = i == 0 || isLineBoundary(tokens.get(prevNonComment(i)));
      if (lineStart && (t.is("def") || t.is("class"))) {
        PyScope s = scopeAt(i, to);
        out.add(s);
        i = s.bodyEnd();
      } else {
        i++;
      }
    }
  }

  private int prevNonComment(int i) {
    int j = i - 1;
    while (j > 0 && tokens.get(j).type() == PyToken.Type.COMMENT) {
      j--;
    }
    return Math.max(j, 0);
  }

  private static boolean isLineBoundary(PyToken t) {
    return t.type() == PyToken.Type.NEWLINE || t.type() == PyToken.Type.INDENT
        || t.type() == PyToken.Type.DEDENT || t.is("async");
  }

  private PyScope scopeAt(int header, int limit) {
    String name = tokens.get(header + 1).text();
    int depth = 0;
    int i = header + 1;
    for (; i < limit; i++) {
      PyToken t = tokens.get(i);
      if (t.is("(") || t.is("[") || t.is("{")) {
        depth++;
      } else if (t.is(")") || t.is("]") || t.is("}")) {
        depth--;
      } else if (t.is(":") && depth == 0) {
        break;
      }
    }
    int colon = i;
    int j = colon + 1;
    while (tokens.get(j).type() == PyToken.Type.COMMENT) {
      j++;
    }
    int bodyStart;
    int bodyEnd;
    int indent = j + 1;
    while (indent < limit && tokens.get(indent).type() == PyToken.Type.COMMENT) {
      indent++;
    }
    if (tokens.get(j).type() == PyToken.Type.NEWLINE && tokens.get(indent).type() == PyToken.Type.INDENT) {
      bodyStart = indent + 1;
      int level = 1;
      int k = bodyStart;
      while (k < limit && level > 0) {
        PyToken.Type ty = tokens.get(k).type();
        if (ty == PyToken.Type.INDENT) {
          level++;
        } else if (ty == PyToken.Type.DEDENT) {
          level--;
        }
        k++;
      }
      bodyEnd = k - 1; // the matching DEDENT
    } else {
      bodyStart = colon + 1;
      int k = bodyStart;
      while (k < limit && tokens.get(k).type() != PyToken.Type.NEWLINE) {
        k++;
      }
      bodyEnd = k;
    }
    List<PyScope> children = new ArrayList<>();
    block(bodyStart, bodyEnd, children);
    int lastLine = tokens.get(header).line();
    for (int k = bodyEnd - 1; k >= bodyStart; k--) {
      PyToken.Type ty = tokens.get(k).type();
      if (ty != PyToken.Type.DEDENT && ty != PyToken.Type.NEWLINE && ty != PyToken.Type.COMMENT) {
        lastLine = tokens.get(k).line() + (int) tokens.get(k).text().chars().filter(c -> c == '\n').count();
        break;
      }
    }
    return new PyScope(name, header, bodyStart, bodyEnd + (bodyEnd < limit
        && tokens.get(bodyEnd).type() == PyToken.Type.DEDENT ? 1 : 0),
        tokens.get(header).line(), lastLine, children);
  }

  /** An assignment {@code name = value} or {@code name: T = value}; {@code value} is its first token. */
  public record Assignment(String name, int value) {}

  /** Assignments of the scope in source order, nested defs excluded. */
  public List<Assignment> assignments(PyScope scope) {
    List<Integer> own = scope.ownTokens();
    List<Assignment> out = new ArrayList<>();
    boolean lineStart = true;
    for (int n = 0; n < own.size(); n++) {
      int i = own.get(n);
      PyToken t = tokens.get(i);
      PyToken.Type ty = t.type();
      if (ty == PyToken.Type.NEWLINE || ty == PyToken.Type.INDENT || ty == PyToken.Type.DEDENT) {
        lineStart = true;
        continue;
      }
      if (ty == PyToken.Type.COMMENT) {
        continue;
      }
      if (lineStart && ty == PyToken.Type.NAME) {
        PyToken next = tokens.get(i + 1);
        if (next.is("=")) {
          out.add(new Assignment(t.text(), i + 2));
        } else if (next.is(":")) {
          int k = i + 2;
          int depth = 0;
          while (tokens.get(k).type() != PyToken.Type.NEWLINE) {
            PyToken x = tokens.get(k);
            if (x.is("(") || x.is("[") || x.is("{")) {
              depth++;
            } else if (x.is(")") || x.is("]") || x.is("}")) {
              depth--;
            } else if (x.is("=") && depth == 0) {
              out.add(new Assignment(t.text(), k + 1));
              break;
            }
            k++;
          }
        }
      }
      lineStart = false;
    }
    return out;
  }

  /** The k-th assignment to {@code name} in {@code scope}, or null. */
  public Assignment assignment(PyScope scope, String name, int k) {
    int seen = 0;
    for (Assignment a : assignments(scope)) {
      if (a.name().equals(name) && seen++ == k) {
        return a;
      }
    }
    return null;
  }

  /** The last assignment to {@code name} in {@code scope}, or null. */
  public Assignment lastAssignment(PyScope scope, String name) {
    Assignment last = null;
    for (Assignment a : assignments(scope)) {
      if (a.name().equals(name)) {
        last = a;
      }
    }
    return last;
  }

  /** Parses the expression at a token index. */
  public PyExpr expressionAt(int token) {
    return PyExprParser.parse(file, tokens, token);
  }

  /** Parses the display (list, dict, tuple) that opens at a token index. */
  public PyExpr displayAt(int token) {
    return PyExprParser.parseSingle(file, tokens, token);
  }

  /** One string constant as CPython's ast counts it: text and whether it is a literal segment of an f-string. */
  public record StrConstant(String value, int token) {}

  /**
   * Collects the adjacent string literals (implicit concatenation; comments between them allowed)
   * starting at position {@code from} of {@code own} into {@code run}; returns the position after them.
   */
  private int stringRun(List<Integer> own, int from, List<PyStringToken> run) {
    int j = from;
    while (j < own.size() && (tokens.get(own.get(j)).type() == PyToken.Type.STRING
        || tokens.get(own.get(j)).type() == PyToken.Type.COMMENT)) {
      if (tokens.get(own.get(j)).type() == PyToken.Type.STRING) {
        run.add(PyStringToken.decode(tokens.get(own.get(j)).text()));
      }
      j++;
    }
    return j;
  }

  /**
   * String constants of the scope in source order (data-init.md "$str"): a run of plain literals is
   * one constant; a run with f-parts yields its literal segments (adjacent text merged), then the
   * constants inside its placeholders and format specs.
   */
  public List<StrConstant> strConstants(PyScope scope) {
    List<StrConstant> out = new ArrayList<>();
    List<Integer> own = scope.countedTokens();
    for (int n = 0; n < own.size(); n++) {
      int i = own.get(n);
      if (tokens.get(i).type() != PyToken.Type.STRING) {
        continue;
      }
      List<PyStringToken> run = new ArrayList<>();
      n = stringRun(own, n, run) - 1;
      if (run.stream().anyMatch(PyStringToken::bytes)) {
        continue;
      }
      if (run.stream().noneMatch(PyStringToken::fString)) {
        StringBuilder b = new StringBuilder();
        run.forEach(r -> b.append(r.plainText()));
        out.add(new StrConstant(b.toString(), i));
        continue;
      }
      StringBuilder seg = new StringBuilder();
      List<String> nested = new ArrayList<>();
      for (PyStringToken r : run) {
        for (PyStringToken.Part p : r.parts()) {
          if (p.text() != null) {
            seg.append(p.text());
          } else {
            if (seg.length() > 0) {
              out.add(new StrConstant(seg.toString(), i));
              seg.setLength(0);
            }
            nestedStrings(p.expression(), nested);
            if (p.formatSpec() != null && !p.formatSpec().isEmpty()) {
              nested.add(p.formatSpec());
            }
          }
        }
      }
      if (seg.length() > 0) {
        out.add(new StrConstant(seg.toString(), i));
      }
      nested.forEach(s -> out.add(new StrConstant(s, i)));
    }
    return out;
  }

  private void nestedStrings(String expression, List<String> out) {
    for (PyToken t : PyTokenizer.tokenize(file, expression)) {
      if (t.type() == PyToken.Type.STRING) {
        PyStringToken d = PyStringToken.decode(t.text());
        if (!d.fString() && !d.bytes()) {
          out.add(d.plainText());
        }
      }
    }
  }

  /** F-strings of the scope in source order, each as the token run's parts. */
  public List<List<PyStringToken.Part>> fStrings(PyScope scope) {
    List<List<PyStringToken.Part>> out = new ArrayList<>();
    List<Integer> own = scope.countedTokens();
    for (int n = 0; n < own.size(); n++) {
      if (tokens.get(own.get(n)).type() != PyToken.Type.STRING) {
        continue;
      }
      List<PyStringToken> run = new ArrayList<>();
      n = stringRun(own, n, run) - 1;
      if (run.stream().anyMatch(PyStringToken::fString)) {
        List<PyStringToken.Part> parts = new ArrayList<>();
        run.forEach(r -> parts.addAll(r.parts()));
        out.add(parts);
      }
    }
    return out;
  }

  /** Token indices of list / dict / tuple displays of the scope in source order ({@code kind} = list, dict, tuple). */
  public List<Integer> displays(PyScope scope, String kind) {
    List<Integer> out = new ArrayList<>();
    List<Integer> own = scope.countedTokens();
    for (int n = 0; n < own.size(); n++) {
      int i = own.get(n);
      PyToken t = tokens.get(i);
      String open = switch (kind) {
        case "list" -> "[";
        case "dict" -> "{";
        case "tuple" -> "(";
        default -> throw new IllegalArgumentException(kind);
      };
      if (!t.is(open)) {
        continue;
      }
      PyToken prev = tokens.get(prevNonComment(i));
      boolean trailer = (prev.type() == PyToken.Type.NAME && !isKeyword(prev.text()))
          || prev.is(")") || prev.is("]") || prev.is("}") || prev.type() == PyToken.Type.STRING;
      if (kind.equals("list") && trailer) {
        continue;
      }
      if (kind.equals("tuple") && trailer) {
        continue;
      }
      int depth = 0;
      boolean comma = false;
      boolean colon = false;
      boolean comprehension = false;
      int k = i;
      for (; k < tokens.size(); k++) {
        PyToken x = tokens.get(k);
        if (x.is("(") || x.is("[") || x.is("{")) {
          depth++;
        } else if (x.is(")") || x.is("]") || x.is("}")) {
          depth--;
          if (depth == 0) {
            break;
          }
        } else if (depth == 1 && x.is(",")) {
          comma = true;
        } else if (depth == 1 && x.is(":")) {
          colon = true;
        } else if (depth == 1 && x.is("for")) {
          comprehension = true;
        }
      }
      if (comprehension) {
        continue;
      }
      boolean empty = k == i + 1;
      if (kind.equals("dict") && !colon && !empty) {
        continue; // a set display
      }
      if (kind.equals("tuple") && !comma && !empty) {
        continue; // a parenthesised expression
      }
      out.add(i);
    }
    return out;
  }

  private static boolean isKeyword(String s) {
    return switch (s) {
      case "in", "return", "and", "or", "not", "if", "else", "elif", "yield", "for", "while", "is",
          "assert", "print", "lambda", "await", "del", "from", "import" -> true;
      default -> false;
    };
  }

  /** Texts of the {@code #} comments within the scope's line range, {@code #} and blanks stripped. */
  public List<String> comments(PyScope scope) {
    List<String> out = new ArrayList<>();
    for (PyToken t : tokens) {
      if (t.type() == PyToken.Type.COMMENT && t.line() >= scope.firstLine() && t.line() <= scope.lastLine()) {
        out.add(t.text().substring(1).strip());
      }
    }
    return out;
  }

  /** First comment token text (stripped) between two token indices, or null. */
  public String firstComment(int from, int to) {
    for (int i = from; i < to; i++) {
      if (tokens.get(i).type() == PyToken.Type.COMMENT) {
        return tokens.get(i).text().substring(1).strip();
      }
    }
    return null;
  }

  /** The default value expression of parameter {@code param} of a def scope. */
  public PyExpr parameterDefault(PyScope scope, String param) {
    int depth = 0;
    for (int i = scope.header() + 2; i < scope.bodyStart(); i++) {
      PyToken t = tokens.get(i);
      if (t.is("(") || t.is("[") || t.is("{")) {
        depth++;
      } else if (t.is(")") || t.is("]") || t.is("}")) {
        depth--;
      } else if (depth == 1 && t.type() == PyToken.Type.NAME && t.text().equals(param)) {
        int k = i + 1;
        if (tokens.get(k).is(":")) {
          while (!tokens.get(k).is("=") && !tokens.get(k).is(",") && !tokens.get(k).is(")")) {
            k++;
          }
        }
        if (tokens.get(k).is("=")) {
          return expressionAt(k + 1);
        }
      }
    }
    throw new DataException(file, tokens.get(scope.header()).line(), param,
        "no parameter '" + param + "' with a default value in def " + scope.name());
  }
}
