package dev.dtrust.core.datainit;

import dev.dtrust.core.python.PythonLiteral;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One string token decoded: a plain string (escapes resolved with {@link PythonLiteral}'s rules, so
 * unknown escapes keep their backslash) or an f-string cut into literal text and placeholder
 * sources.
 *
 * @param fString whether the token has an {@code f} prefix
 * @param bytes whether the token is a bytes literal
 * @param parts for a plain string one {@link Part#text} part; for an f-string text parts and
 *     placeholder parts in source order ({@code {{}}/{@code }}} already folded to braces)
 */
public record PyStringToken(boolean fString, boolean bytes, List<Part> parts) {

  /**
   * A piece of a string token.
   *
   * @param text decoded literal text, or null for a placeholder
   * @param expression the placeholder's expression source (null for text)
   * @param formatSpec the text after a top-level {@code :} in the placeholder, or null
   */
  public record Part(String text, String expression, String formatSpec) {}

  /** Decodes the exact source text of a STRING token. */
  public static PyStringToken decode(String token) {
    int q = 0;
    while (token.charAt(q) != '\'' && token.charAt(q) != '"') {
      q++;
    }
    String prefix = token.substring(0, q).toLowerCase(Locale.ROOT);
    char quote = token.charAt(q);
    boolean triple = token.startsWith(String.valueOf(quote).repeat(3), q);
    int open = triple ? 3 : 1;
    String body = token.substring(q + open, token.length() - open);
    boolean raw = prefix.contains("r");
    if (prefix.contains("b")) {
      return new PyStringToken(false, true, List.of(new Part(body, null, null)));
    }
    if (!prefix.contains("f")) {
      return new PyStringToken(false, false, List.of(new Part(literal(body, raw), null, null)));
    }
    List<Part> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c == '\\' && !raw && i + 1 < body.length()) {
        text.append(c).append(body.charAt(i + 1));
        i += 2;
      } else if (c == '{' && i + 1 < body.length() && body.charAt(i + 1) == '{') {
        text.append('{');
        i += 2;
      } else if (c == '}' && i + 1 < body.length() && body.charAt(i + 1) == '}') {
        text.append('}');
        i += 2;
      } else if (c == '{') {
        if (text.length() > 0) {
          parts.add(new Part(literal(text.toString(), raw), null, null));
          text.setLength(0);
        }
        int end = placeholderEnd(body, i + 1);
        String inner = body.substring(i + 1, end);
        String spec = null;
        int colon = topLevel(inner, ':');
        if (colon >= 0) {
          spec = inner.substring(colon + 1);
          inner = inner.substring(0, colon);
        }
        parts.add(new Part(null, inner.strip(), spec));
        i = end + 1;
      } else {
        text.append(c);
        i++;
      }
    }
    if (text.length() > 0) {
      parts.add(new Part(literal(text.toString(), raw), null, null));
    }
    return new PyStringToken(true, false, List.copyOf(parts));
  }

  /** The concatenated text of a plain string (no placeholders). */
  public String plainText() {
    StringBuilder b = new StringBuilder();
    for (Part p : parts) {
      b.append(p.text());
    }
    return b.toString();
  }

  private static int placeholderEnd(String body, int from) {
    int depth = 0;
    char inQuote = 0;
    for (int i = from; i < body.length(); i++) {
      char c = body.charAt(i);
      if (inQuote != 0) {
        if (c == inQuote) {
          inQuote = 0;
        }
      } else if (c == '\'' || c == '"') {
        inQuote = c;
      } else if (c == '[' || c == '(' || c == '{') {
        depth++;
      } else if (c == ']' || c == ')' || (c == '}' && depth > 0)) {
        depth--;
      } else if (c == '}') {
        return i;
      }
    }
    throw new IllegalArgumentException("f-string placeholder without closing brace: " + body);
  }

  private static int topLevel(String s, char target) {
    int depth = 0;
    char inQuote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inQuote != 0) {
        if (c == inQuote) {
          inQuote = 0;
        }
      } else if (c == '\'' || c == '"') {
        inQuote = c;
      } else if ("([{".indexOf(c) >= 0) {
        depth++;
      } else if (")]}".indexOf(c) >= 0) {
        depth--;
      } else if (c == target && depth == 0 && (target != ':' || i + 1 >= s.length()
          || s.charAt(i + 1) != '=')) {
        return i;
      }
    }
    return -1;
  }

  /** Decodes escapes of a literal text segment through {@link PythonLiteral}; raw text is its own value. */
  private static String literal(String body, boolean raw) {
    if (raw) {
      return body;
    }
    StringBuilder b = new StringBuilder(body.length() + 8);
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length()) {
        b.append(c).append(body.charAt(++i));
      } else if (c == '"') {
        b.append("\\\"");
      } else {
        b.append(c);
      }
    }
    return (String) PythonLiteral.parse("\"\"\"" + b + "\"\"\"");
  }
}
