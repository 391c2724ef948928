package dev.dtrust.core.datainit;

import java.util.List;

/** An expression of the Python subset the extractor evaluates; {@code start}/{@code end} are token indices. */
public sealed interface PyExpr {

  /** Index of the first token. */
  int start();

  /** Index one past the last token. */
  int end();

  /** A number, {@code None}, {@code True} or {@code False}. */
  record Const(Object value, int start, int end) implements PyExpr {}

  /** An implicitly concatenated run of string tokens (plain and f-parts). */
  record Str(List<PyStringToken> tokens, int start, int end) implements PyExpr {}

  /** A name. */
  record Name(String name, int start, int end) implements PyExpr {}

  /** {@code obj.name}. */
  record Attr(PyExpr obj, String name, int start, int end) implements PyExpr {}

  /** {@code obj[index]}. */
  record Subscript(PyExpr obj, PyExpr index, int start, int end) implements PyExpr {}

  /** {@code func(args)}, positional arguments only. */
  record Call(PyExpr func, List<PyExpr> args, int start, int end) implements PyExpr {}

  /** {@code left op right} for {@code + - * / %}. */
  record BinOp(String op, PyExpr left, PyExpr right, int start, int end) implements PyExpr {}

  /** {@code -operand}. */
  record Neg(PyExpr operand, int start, int end) implements PyExpr {}

  /** A list display. */
  record ListLit(List<PyExpr> items, int start, int end) implements PyExpr {}

  /** A tuple display (parenthesised or bare). */
  record TupleLit(List<PyExpr> items, int start, int end) implements PyExpr {}

  /** A dict display, insertion order. */
  record DictLit(List<PyExpr> keys, List<PyExpr> values, int start, int end) implements PyExpr {}
}
