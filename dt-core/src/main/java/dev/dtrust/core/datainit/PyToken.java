package dev.dtrust.core.datainit;

/**
 * One token of a Python source file.
 *
 * @param type the token class
 * @param text the exact source text (for strings: prefix and quotes included)
 * @param line 1-based line of the first character
 * @param col 0-based column of the first character
 */
public record PyToken(Type type, String text, int line, int col) {

  /** Token classes, as Python's {@code tokenize} names them. */
  public enum Type { NAME, NUMBER, STRING, OP, COMMENT, NEWLINE, INDENT, DEDENT, END }

  /** Whether this is the operator or name {@code s}. */
  public boolean is(String s) {
    return (type == Type.OP || type == Type.NAME) && text.equals(s);
  }
}
