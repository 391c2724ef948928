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
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int limit;
  private long line = 1;

  /** A reader over {@code in}; {@code file} names it in errors. */
  public CsvReader(Reader in, String file) {
    this.in = in;
    this.file = file;
  }

  /** A record and the 1-based line it starts on. */
  public record Row(long line, List<String> fields) {}

  /** Refills the buffer; false at the end of the input. */
  private boolean fill() throws IOException {
    if (pos < limit) {
      return true;
    }
    int n;
    do {
      n = in.read(buf, 0, buf.length);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }

  /** The next record, or {@code null} at the end of the input. */
  public Row next() {
    try {
      if (!fill()) {
        return null;
      }
      long start = line;
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean fieldStarted = false;
      while (true) {
        if (!fill()) {
          if (quoted) {
            throw new DataException(file, start, null, "a quoted field is not closed before the end of the file");
          }
          fields.add(field.toString());
          return new Row(start, fields);
        }
        if (quoted) {
          // copy a run of ordinary characters at once
          int i = pos;
          while (i < limit && buf[i] != '"') {
            if (buf[i] == '\n') {
              line++;
            }
            i++;
          }
          field.append(buf, pos, i - pos);
          pos = i;
          if (pos < limit) {
            pos++; // the quote
            if (!fill()) {
              quoted = false;
              continue;
            }
            if (buf[pos] == '"') {
              field.append('"');
              pos++;
            } else {
              quoted = false;
            }
          }
          continue;
        }
        char c = buf[pos++];
        if (c == '\n' || c == '\r') {
          if (c == '\r' && fill() && buf[pos] == '\n') {
            pos++;
          }
          line++;
          fields.add(field.toString());
          return new Row(start, fields);
        }
        if (c == ',') {
          fields.add(field.toString());
          field.setLength(0);
          fieldStarted = false;
        } else if (c == '"' && !fieldStarted) {
          quoted = true;
          fieldStarted = true;
        } else {
          field.append(c);
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
