package dev.dtrust.core.datainit;

import dev.dtrust.core.data.DataException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses one expression of the supported subset from a token list: literals, names, attribute
 * access, subscripts, calls, {@code + - * / %}, unary minus, list/tuple/dict displays. Comments
 * inside brackets are skipped.
 */
public final class PyExprParser {
  private final String file;
  private final List<PyToken> tokens;
  private int pos;

  private PyExprParser(String file, List<PyToken> tokens, int pos) {
    this.file = file;
    this.tokens = tokens;
    this.pos = pos;
  }

  /** Parses the expression (bare tuples included) that starts at token {@code from}. */
  public static PyExpr parse(String file, List<PyToken> tokens, int from) {
    PyExprParser p = new PyExprParser(file, tokens, from);
    p.skipComments();
    return p.tupleOrExpr();
  }

  /** Parses the single expression (no bare tuple) that starts at token {@code from}. */
  public static PyExpr parseSingle(String file, List<PyToken> tokens, int from) {
    PyExprParser p = new PyExprParser(file, tokens, from);
    p.skipComments();
    return p.expr();
  }

  /** Parses a whole expression given as text (symbols, transforms, f-string placeholders). */
  public static PyExpr parseText(String file, String text) {
    List<PyToken> toks = PyTokenizer.tokenize(file, text.strip());
    PyExprParser p = new PyExprParser(file, toks, 0);
    PyExpr e = p.tupleOrExpr();
    p.skipComments();
    PyToken t = toks.get(p.pos);
    if (t.type() != PyToken.Type.NEWLINE && t.type() != PyToken.Type.END) {
      throw p.error("the end of the expression");
    }
    return e;
  }

  private PyExpr tupleOrExpr() {
    int s = pos;
    PyExpr first = expr();
    if (!peek().is(",")) {
      return first;
    }
    List<PyExpr> items = new ArrayList<>(List.of(first));
    while (peek().is(",")) {
      next();
      if (endsExpression(peek())) {
        break;
      }
      items.add(expr());
    }
    return new PyExpr.TupleLit(items, s, pos);
  }

  private static boolean endsExpression(PyToken t) {
    return t.type() == PyToken.Type.NEWLINE || t.type() == PyToken.Type.END
        || t.is(")") || t.is("]") || t.is("}") || t.is("=");
  }

  private PyExpr expr() {
    int s = pos;
    PyExpr left = term();
    while (peek().is("+") || peek().is("-")) {
      String op = next().text();
      left = new PyExpr.BinOp(op, left, term(), s, pos);
    }
    return left;
  }

  private PyExpr term() {
    int s = pos;
    PyExpr left = unary();
    while (peek().is("*") || peek().is("/") || peek().is("%")) {
      String op = next().text();
      left = new PyExpr.BinOp(op, left, unary(), s, pos);
    }
    return left;
  }

  private PyExpr unary() {
    int s = pos;
    if (peek().is("-")) {
      next();
      return new PyExpr.Neg(unary(), s, pos);
    }
    if (peek().is("+")) {
      next();
      return unary();
    }
    return postfix();
  }

  private PyExpr postfix() {
    int s = pos;
    PyExpr e = atom();
    while (true) {
      if (peek().is(".")) {
        next();
        PyToken name = next();
        if (name.type() != PyToken.Type.NAME) {
          throw error("an attribute name");
        }
        e = new PyExpr.Attr(e, name.text(), s, pos);
      } else if (peek().is("[")) {
        next();
        PyExpr index = tupleOrExpr();
        expect("]");
        e = new PyExpr.Subscript(e, index, s, pos);
      } else if (peek().is("(")) {
        next();
        List<PyExpr> args = new ArrayList<>();
        while (!peek().is(")")) {
          if (peek().is("*") || peek().is("**")) {
            throw error("a positional argument (star arguments are not supported)");
          }
          args.add(expr());
          if (peek().is("=")) {
            throw error("a positional argument (keyword arguments are not supported)");
          }
          if (!peek().is(",")) {
            break;
          }
          next();
        }
        expect(")");
        e = new PyExpr.Call(e, args, s, pos);
      } else {
        return e;
      }
    }
  }

  private PyExpr atom() {
    int s = pos;
    PyToken t = peek();
    switch (t.type()) {
      case NUMBER -> {
        next();
        return new PyExpr.Const(number(t), s, pos);
      }
      case STRING -> {
        List<PyStringToken> parts = new ArrayList<>();
        while (peek().type() == PyToken.Type.STRING) {
          parts.add(PyStringToken.decode(next().text()));
        }
        return new PyExpr.Str(parts, s, pos);
      }
      case NAME -> {
        next();
        return switch (t.text()) {
          case "None" -> new PyExpr.Const(null, s, pos);
          case "True" -> new PyExpr.Const(Boolean.TRUE, s, pos);
          case "False" -> new PyExpr.Const(Boolean.FALSE, s, pos);
          case "lambda", "not", "await", "yield" -> throw error("a supported expression");
          default -> new PyExpr.Name(t.text(), s, pos);
        };
      }
      case OP -> {
        if (t.is("(")) {
          next();
          if (peek().is(")")) {
            next();
            return new PyExpr.TupleLit(List.of(), s, pos);
          }
          PyExpr inner = expr();
          if (peek().is(",")) {
            List<PyExpr> items = new ArrayList<>(List.of(inner));
            while (peek().is(",")) {
              next();
              if (peek().is(")")) {
                break;
              }
              items.add(expr());
            }
            expect(")");
            return new PyExpr.TupleLit(items, s, pos);
          }
          expect(")");
          return inner;
        }
        if (t.is("[")) {
          next();
          List<PyExpr> items = new ArrayList<>();
          while (!peek().is("]")) {
            items.add(expr());
            if (peek().is("for")) {
              throw error("a list display (comprehensions are not supported)");
            }
            if (!peek().is(",")) {
              break;
            }
            next();
          }
          expect("]");
          return new PyExpr.ListLit(items, s, pos);
        }
        if (t.is("{")) {
          next();
          List<PyExpr> keys = new ArrayList<>();
          List<PyExpr> values = new ArrayList<>();
          while (!peek().is("}")) {
            keys.add(expr());
            expect(":");
            values.add(expr());
            if (peek().is("for")) {
              throw error("a dict display (comprehensions are not supported)");
            }
            if (!peek().is(",")) {
              break;
            }
            next();
          }
          expect("}");
          return new PyExpr.DictLit(keys, values, s, pos);
        }
        throw error("an expression");
      }
      default -> throw error("an expression");
    }
  }

  private Object number(PyToken t) {
    String s = t.text().replace("_", "");
    try {
      if (s.startsWith("0x") || s.startsWith("0X")) {
        return Long.parseLong(s.substring(2), 16);
      }
      if (s.matches("[0-9]+")) {
        return Long.parseLong(s);
      }
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw error("a decimal number");
    }
  }

  private void expect(String op) {
    if (!peek().is(op)) {
      throw error("'" + op + "'");
    }
    next();
  }

  private PyToken peek() {
    skipComments();
    return tokens.get(pos);
  }

  private PyToken next() {
    skipComments();
    return tokens.get(pos++);
  }

  private void skipComments() {
    while (tokens.get(pos).type() == PyToken.Type.COMMENT) {
      pos++;
    }
  }

  private DataException error(String expected) {
    PyToken t = tokens.get(Math.min(pos, tokens.size() - 1));
    return new DataException(file, t.line(), null,
        "expected " + expected + " at column " + (t.col() + 1) + ", found '" + t.text() + "'");
  }
}
