package dev.dtrust.core.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 CSV reader (quotes, doubled quotes, line breaks inside quoted fields, LF or
 * CRLF). Each record knows the line it starts on, so errors name it. A quote left open at the end
 * of the file is a {@link DataException}.
 */
public final class CsvReader implements AutoCloseable {
  private final Reader in;
  private final String file;
  private long line = 1;
  private int peeked = -2;

  /** A reader over {@code in}; {@code file} names it in errors. */
  public CsvReader(Reader in, String file) {
    this.in = in;
    this.file = file;
  }

  /** A record and the 1-based line it starts on. */
  public record Row(long line, List<String> fields) {}

  private int read() throws IOException {
    if (peeked != -2) {
      int c = peeked;
      peeked = -2;
      return c;
    }
    return in.read();
  }

  private int peek() throws IOException {
    if (peeked == -2) {
      peeked = in.read();
    }
    return peeked;
  }

  /** The next record, or {@code null} at the end of the input. */
  public Row next() {
    try {
      int c = peek();
      if (c == -1) {
        return null;
      }
      long start = line;
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean fieldStarted = false;
      while (true) {
        c = read();
        if (quoted) {
          if (c == -1) {
            throw new DataException(file, start, null, "a quoted field is not closed before the end of the file");
          }
          if (c == '"') {
            if (peek() == '"') {
              read();
              field.append('"');
            } else {
              quoted = false;
            }
          } else {
            if (c == '\n') {
              line++;
            }
            field.append((char) c);
          }
          continue;
        }
        if (c == -1 || c == '\n' || c == '\r') {
          if (c == '\r' && peek() == '\n') {
            read();
          }
          if (c != -1) {
            line++;
          }
          fields.add(field.toString());
          return new Row(start, fields);
        }
        if (c == ',') {
          fields.add(field.toString());
          field.setLength(0);
          fieldStarted = false;
        } else if (c == '"' && !fieldStarted && field.length() == 0) {
          quoted = true;
          fieldStarted = true;
        } else {
          field.append((char) c);
          fieldStarted = true;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
