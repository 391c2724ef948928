package dev.dtrust.core.data;

import org.jspecify.annotations.Nullable;

/**
 * Bad input data: a missing file, a malformed line, a missing or mistyped field. The message names
 * the file, the line (for JSON Lines and CSV) and the field, and says what was expected, in one
 * line: {@code data/x.jsonl:12: field "label": expected an integer, found "yes"}.
 */
public class DataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;
  private final @Nullable String field;
  private final String problem;

  /**
   * @param file    the file, as the user gave or sees it
   * @param line    1-based line number, or 0 when not line-oriented
   * @param field   the field or JSON pointer, or {@code null}
   * @param problem what was expected and what was found
   */
  public DataException(String file, long line, @Nullable String field, String problem) {
    this(file, line, field, problem, null);
  }

  /** As {@link #DataException(String, long, String, String)}, with a cause. */
  public DataException(
      String file, long line, @Nullable String field, String problem, @Nullable Throwable cause) {
    super(format(file, line, field, problem), cause);
    this.file = file;
    this.line = line;
    this.field = field;
    this.problem = problem;
  }

  private static String format(String file, long line, @Nullable String field, String problem) {
    StringBuilder b = new StringBuilder(file);
    if (line > 0) {
      b.append(':').append(line);
    }
    b.append(": ");
    if (field != null) {
      b.append("field \"").append(field).append("\": ");
    }
    return b.append(problem).toString();
  }

  /** The file. */
  public String file() {
    return file;
  }

  /** The 1-based line, or 0. */
  public long line() {
    return line;
  }

  /** The field, or {@code null}. */
  public @Nullable String field() {
    return field;
  }

  /** What was wrong. */
  public String problem() {
    return problem;
  }
}
