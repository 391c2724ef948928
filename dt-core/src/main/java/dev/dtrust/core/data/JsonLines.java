package dev.dtrust.core.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams a JSON Lines file one record at a time, with its line number; a malformed line is a
 * {@link DataException} naming file and line. Blank lines are skipped.
 */
public final class JsonLines {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonLines() {}

  /** One parsed line. */
  public record Line(String file, long number, JsonNode node) {

    /** A required text field, or a {@link DataException} naming file, line and field. */
    public String text(String field) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        throw new DataException(file, number, field, "missing");
      }
      if (!v.isTextual()) {
        throw new DataException(file, number, field, "expected a string, found " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
      }
      return v.asText();
    }

    /** A required integer field, or a {@link DataException} naming file, line and field. */
    public long integer(String field) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        throw new DataException(file, number, field, "missing");
      }
      if (!v.isIntegralNumber()) {
        throw new DataException(file, number, field, "expected an integer, found " + v);
      }
      return v.asLong();
    }

    /** A required field of any type. */
    public JsonNode get(String field) {
      JsonNode v = node.get(field);
      if (v == null) {
        throw new DataException(file, number, field, "missing");
      }
      return v;
    }

    /** A {@link DataException} about a field of this line. */
    public DataException error(String field, String problem) {
      return new DataException(file, number, field, problem);
    }
  }

  /**
   * Streams the lines of a file; {@code displayName} names it in errors. Close the stream to
   * release the file.
   */
  public static Stream<Line> stream(Path path, String displayName) {
    return stream(path, displayName, false);
  }

  /**
   * As {@link #stream(Path, String)}, but a file without a single record is a {@link DataException}:
   * for input data, where an empty file is a broken copy, never a scenario with nothing to ask.
   */
  public static Stream<Line> nonEmpty(Path path, String displayName) {
    return stream(path, displayName, true);
  }

  private static Stream<Line> stream(Path path, String displayName, boolean requireRecord) {
    BufferedReader reader;
    try {
      reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DataException(displayName, 0, null, "cannot read: " + e.getMessage(), e);
    }
    Iterator<Line> it =
        new Iterator<>() {
          long lineNo;
          Line next;
          boolean sawRecord;

          @Override
          public boolean hasNext() {
            if (next != null) {
              return true;
            }
            try {
              String s;
              while ((s = reader.readLine()) != null) {
                lineNo++;
                if (s.isBlank()) {
                  continue;
                }
                try {
                  next = new Line(displayName, lineNo, MAPPER.readTree(s));
                  sawRecord = true;
                } catch (JsonProcessingException e) {
                  throw new DataException(
                      displayName, lineNo, null, "malformed JSON: " + e.getOriginalMessage(), e);
                }
                return true;
              }
              if (requireRecord && !sawRecord) {
                sawRecord = true;
                throw new DataException(displayName, 0, null, "empty file: expected one JSON object per line");
              }
              return false;
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }

          @Override
          public Line next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            Line l = next;
            next = null;
            return l;
          }
        };
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(
            () -> {
              try {
                reader.close();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }
}
