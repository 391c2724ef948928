package dev.dtrust.core.datainit;

import dev.dtrust.core.data.DataException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Tokenizes Python source the way {@code tokenize} does for the parts the extractor needs: names,
 * numbers, strings (any prefix, single or triple quoted), operators, comments (kept), logical
 * NEWLINEs, INDENT/DEDENT. Newlines inside brackets and after a backslash continue the line.
 */
public final class PyTokenizer {
  private static final String[] OPS3 = {"**=", "//=", ">>=", "<<=", "...", "!="};
  private static final String[] OPS2 = {
    "==", "<=", ">=", "->", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "**", "//", "<<", ">>",
    ":=", "!="
  };

  private final String file;
  private final String src;
  private int pos;
  private int line = 1;
  private int lineStart;
  private int depth;
  private final List<PyToken> out = new ArrayList<>();
  private final Deque<Integer> indents = new ArrayDeque<>();

  private PyTokenizer(String file, String src) {
    this.file = file;
    this.src = src.replace("\r\n", "\n");
    indents.push(0);
  }

  /** The tokens of {@code src}; {@code file} names the source in errors. */
  public static List<PyToken> tokenize(String file, String src) {
    PyTokenizer t = new PyTokenizer(file, src);
    t.run();
    return t.out;
  }

  private void run() {
    boolean atLineStart = true;
    while (pos < src.length()) {
      if (atLineStart && depth == 0) {
        atLineStart = false;
        int p = pos;
        int width = 0;
        while (p < src.length() && (src.charAt(p) == ' ' || src.charAt(p) == '\t')) {
          width = src.charAt(p) == '\t' ? (width / 8 + 1) * 8 : width + 1;
          p++;
        }
        if (p >= src.length() || src.charAt(p) == '\n' || src.charAt(p) == '#'
            || src.charAt(p) == '\\') {
          // blank or comment-only line: no indentation change
          pos = p;
        } else {
          pos = p;
          if (width > indents.peek()) {
            indents.push(width);
            add(PyToken.Type.INDENT, "");
          }
          while (width < indents.peek()) {
            indents.pop();
            add(PyToken.Type.DEDENT, "");
          }
          if (width != indents.peek()) {
            throw new DataException(file, line, null, "inconsistent indentation");
          }
        }
        continue;
      }
      char c = src.charAt(pos);
      if (c == '\n') {
        if (depth == 0 && !out.isEmpty() && lastSignificant()) {
          add(PyToken.Type.NEWLINE, "\n");
        }
        pos++;
        line++;
        lineStart = pos;
        atLineStart = depth == 0;
      } else if (c == ' ' || c == '\t' || c == '\f') {
        pos++;
      } else if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
        pos += 2;
        line++;
        lineStart = pos;
      } else if (c == '#') {
        int e = src.indexOf('\n', pos);
        e = e < 0 ? src.length() : e;
        add(PyToken.Type.COMMENT, src.substring(pos, e));
        pos = e;
      } else if (startsString()) {
        string();
      } else if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length()
          && Character.isDigit(src.charAt(pos + 1)))) {
        number();
      } else if (Character.isJavaIdentifierStart(c)) {
        int s = pos;
        while (pos < src.length() && Character.isJavaIdentifierPart(src.charAt(pos))) {
          pos++;
        }
        addFrom(PyToken.Type.NAME, s);
      } else {
        op();
      }
    }
    if (lastSignificant()) {
      add(PyToken.Type.NEWLINE, "");
    }
    while (indents.peek() > 0) {
      indents.pop();
      add(PyToken.Type.DEDENT, "");
    }
    add(PyToken.Type.END, "");
  }

  private boolean lastSignificant() {
    for (int i = out.size() - 1; i >= 0; i--) {
      PyToken.Type t = out.get(i).type();
      if (t == PyToken.Type.COMMENT) {
        continue;
      }
      return t != PyToken.Type.NEWLINE && t != PyToken.Type.INDENT && t != PyToken.Type.DEDENT;
    }
    return false;
  }

  private boolean startsString() {
    int p = pos;
    while (p < src.length() && p - pos < 3 && Character.isLetter(src.charAt(p))) {
      p++;
    }
    if (p >= src.length() || (src.charAt(p) != '\'' && src.charAt(p) != '"')) {
      return false;
    }
    String prefix = src.substring(pos, p).toLowerCase(java.util.Locale.ROOT);
    return switch (prefix) {
      case "", "r", "u", "b", "br", "rb", "f", "fr", "rf" -> true;
      default -> false;
    };
  }

  private void string() {
    int s = pos;
    int startLine = line;
    int startCol = pos - lineStart;
    while (src.charAt(pos) != '\'' && src.charAt(pos) != '"') {
      pos++;
    }
    char q = src.charAt(pos);
    boolean triple = src.startsWith(String.valueOf(q).repeat(3), pos);
    pos += triple ? 3 : 1;
    while (true) {
      if (pos >= src.length()) {
        throw new DataException(file, startLine, null, "unterminated string literal");
      }
      char c = src.charAt(pos);
      if (c == '\\') {
        if (pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
          line++;
          lineStart = pos + 2;
        }
        pos += 2;
        continue;
      }
      if (c == '\n') {
        if (!triple) {
          throw new DataException(file, startLine, null, "unterminated string literal");
        }
        line++;
        lineStart = pos + 1;
      }
      if (c == q && (!triple || src.startsWith(String.valueOf(q).repeat(3), pos))) {
        pos += triple ? 3 : 1;
        break;
      }
      pos++;
    }
    out.add(new PyToken(PyToken.Type.STRING, src.substring(s, pos), startLine, startCol));
  }

  private void number() {
    int s = pos;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      boolean exp = (c == '+' || c == '-') && (src.charAt(pos - 1) == 'e' || src.charAt(pos - 1) == 'E')
          && !src.substring(s, pos).startsWith("0x");
      if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || exp) {
        pos++;
      } else {
        break;
      }
    }
    addFrom(PyToken.Type.NUMBER, s);
  }

  private void op() {
    int s = pos;
    for (String o : OPS3) {
      if (src.startsWith(o, pos)) {
        pos += 3;
        addFrom(PyToken.Type.OP, s);
        return;
      }
    }
    for (String o : OPS2) {
      if (src.startsWith(o, pos)) {
        pos += 2;
        addFrom(PyToken.Type.OP, s);
        return;
      }
    }
    char c = src.charAt(pos++);
    if ("([{".indexOf(c) >= 0) {
      depth++;
    } else if (")]}".indexOf(c) >= 0) {
      depth = Math.max(0, depth - 1);
    }
    addFrom(PyToken.Type.OP, s);
  }

  private void addFrom(PyToken.Type type, int start) {
    out.add(new PyToken(type, src.substring(start, pos), line, start - lineStart));
  }

  private void add(PyToken.Type type, String text) {
    out.add(new PyToken(type, text, line, pos - lineStart));
  }
}
