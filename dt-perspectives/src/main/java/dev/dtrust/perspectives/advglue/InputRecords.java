package dev.dtrust.perspectives.advglue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtrust.core.data.DataException;
import dev.dtrust.core.data.DataRoot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an input file of the form {@code {task: [record, ...]}} (AdvGLUE++ files, and the GLUE
 * validation stand-in keyed by GLUE config name), streaming, keeping each record's line so that
 * errors name file, line and field.
 */
final class InputRecords {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One input record. */
  record InputRecord(String file, long line, String pointer, JsonNode node) {

    boolean has(String field) {
      return node.has(field);
    }

    /** The record's field as Python formats it into the prompt (a null value prints {@code None}, Q8). */
    String text(String field) {
      JsonNode v = node.get(field);
      if (v == null) {
        throw new DataException(file, line, pointer + "/" + field, "missing");
      }
      if (v.isNull()) {
        return "None";
      }
      if (v.isTextual()) {
        return v.asText();
      }
      if (v.isIntegralNumber()) {
        return v.asText();
      }
      throw new DataException(file, line, pointer + "/" + field, "expected a string, found " + v.getNodeType());
    }

    /** An optional string field ({@code method}, {@code data_construction}). */
    String optionalText(String field) {
      JsonNode v = node.get(field);
      return v == null || !v.isTextual() ? null : v.asText();
    }

    /** The gold label. */
    int label() {
      JsonNode v = node.get("label");
      if (v == null || !v.isIntegralNumber()) {
        throw new DataException(file, line, pointer + "/label", v == null ? "missing" : "expected an integer, found " + v);
      }
      return v.asInt();
    }
  }

  private InputRecords() {}

  /**
   * The records of the wanted top-level keys, in file order; a wanted key absent from the file is
   * a {@link DataException} naming the key.
   */
  static Map<String, List<InputRecord>> read(DataRoot root, String relative, Collection<String> wanted) {
    return read(root, relative, wanted, true);
  }

  /** As {@link #read(DataRoot, String, Collection)}; with {@code requireAll} false, absent keys are left out. */
  static Map<String, List<InputRecord>> read(DataRoot root, String relative, Collection<String> wanted, boolean requireAll) {
    Path p = root.require(relative);
    String name = relative.startsWith("/") ? relative : root.name(relative);
    Map<String, List<InputRecord>> out = new LinkedHashMap<>();
    try (JsonParser parser = new JsonFactory(MAPPER).createParser(p.toFile())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new DataException(name, parser.getTokenLocation().getLineNr(), null, "expected a JSON object {task: [records]}");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        JsonToken t = parser.nextToken();
        if (!wanted.contains(key)) {
          parser.skipChildren();
          continue;
        }
        if (t != JsonToken.START_ARRAY) {
          throw new DataException(name, parser.getTokenLocation().getLineNr(), "/" + key, "expected an array of records");
        }
        List<InputRecord> records = new ArrayList<>();
        int i = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          long line = parser.getTokenLocation().getLineNr();
          String pointer = "/" + key + "/" + i;
          if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new DataException(name, line, pointer, "expected a record object");
          }
          JsonNode node = parser.readValueAsTree();
          records.add(new InputRecord(name, line, pointer, node));
          i++;
        }
        out.put(key, records);
      }
    } catch (JsonParseException e) {
      throw new DataException(name, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), null, "malformed JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new DataException(name, 0, null, "cannot read: " + e.getMessage(), e);
    }
    for (String w : wanted) {
      if (requireAll && !out.containsKey(w)) {
        throw new DataException(name, 0, "/" + w, "missing");
      }
    }
    return out;
  }
}
