package dev.dtrust.perspectives.advdemonstration;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtrust.core.data.DataException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One upstream recording (spec §4): a single JSON array whose element i is the {@code choices}
 * array of request i; the answer is {@code choices[0].message.content}. Read as a stream.
 */
final class RecordingFile {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RecordingFile() {}

  /**
   * The answers of a recording, in request order; a malformed file is a DataException naming the
   * file, the line and the element.
   */
  static List<String> answers(Path file, String displayName) {
    List<String> out = new ArrayList<>();
    try (JsonParser p = MAPPER.getFactory().createParser(file.toFile())) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new DataException(displayName, line(p), null,
            "expected one JSON array of responses (upstream's recording format)");
      }
      int i = 0;
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        long line = line(p);
        if (t != JsonToken.START_ARRAY) {
          throw new DataException(displayName, line, "[" + i + "]", "expected an array of choices, found " + t);
        }
        String content = null;
        boolean first = true;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          if (first && p.currentToken() == JsonToken.START_OBJECT) {
            content = firstChoiceContent(p);
          } else {
            p.skipChildren();
          }
          first = false;
        }
        if (first) {
          throw new DataException(displayName, line, "[" + i + "]", "expected a non-empty array of choices");
        }
        if (content == null) {
          throw new DataException(displayName, line, "[" + i + "][0].message.content", "missing");
        }
        out.add(content);
        i++;
      }
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      throw new DataException(displayName, loc == null ? 0 : loc.getLineNr(), null,
          "malformed JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new DataException(displayName, 0, null, "cannot read: " + e.getMessage(), e);
    }
    return out;
  }

  /** {@code message.content} of the choice object the parser is at (left at its END_OBJECT); null when absent. */
  private static String firstChoiceContent(JsonParser p) throws IOException {
    String content = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if (name.equals("message") && v == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken fv = p.nextToken();
          if (field.equals("content") && fv == JsonToken.VALUE_STRING) {
            content = p.getText();
          } else {
            p.skipChildren();
          }
        }
      } else {
        p.skipChildren();
      }
    }
    return content;
  }

  private static long line(JsonParser p) {
    JsonLocation loc = p.currentLocation();
    return loc == null ? 0 : Math.max(0, loc.getLineNr());
  }
}
