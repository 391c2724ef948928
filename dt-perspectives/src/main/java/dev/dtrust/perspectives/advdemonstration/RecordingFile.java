package dev.dtrust.perspectives.advdemonstration;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
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
      while (p.nextToken() != JsonToken.END_ARRAY) {
        long line = line(p);
        JsonNode choices = MAPPER.readTree(p);
        String field = "[" + i + "][0].message.content";
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
          throw new DataException(displayName, line, "[" + i + "]", "expected a non-empty array of choices");
        }
        JsonNode content = choices.get(0).path("message").path("content");
        if (!content.isTextual()) {
          throw new DataException(displayName, line, field,
              content.isMissingNode() ? "missing" : "expected a string, found " + content.getNodeType());
        }
        out.add(content.asText());
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

  private static long line(JsonParser p) {
    JsonLocation loc = p.currentLocation();
    return loc == null ? 0 : Math.max(0, loc.getLineNr());
  }
}
