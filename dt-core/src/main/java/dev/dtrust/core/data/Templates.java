package dev.dtrust.core.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A perspective's prompt texts and generation parameters ({@code templates/<id>.json}). Lookups
 * take JSON pointers ({@code /system_prompts/benign}); a missing or mistyped leaf is a {@link
 * DataException} naming the file and the pointer.
 */
public final class Templates {
  private final String file;
  private final JsonNode root;
  private final String sha256;

  Templates(String file, JsonNode root, String sha256) {
    this.file = file;
    this.root = root;
    this.sha256 = sha256;
  }

  /** The file, as errors name it. */
  public String file() {
    return file;
  }

  /** SHA-256 hex of the file's bytes (the report's provenance). */
  public String sha256() {
    return sha256;
  }

  /** The whole document. */
  public JsonNode root() {
    return root;
  }

  /** The node at a JSON pointer; a {@link DataException} when absent or null. */
  public JsonNode node(String pointer) {
    JsonNode n = root.at(pointer);
    if (n.isMissingNode() || n.isNull()) {
      throw new DataException(file, 0, pointer, "missing");
    }
    return n;
  }

  /** The string at a JSON pointer. */
  public String text(String pointer) {
    JsonNode n = node(pointer);
    if (!n.isTextual()) {
      throw new DataException(file, 0, pointer, "expected a string, found " + n.getNodeType());
    }
    return n.asText();
  }

  /** The integer at a JSON pointer. */
  public int integer(String pointer) {
    JsonNode n = node(pointer);
    if (!n.isIntegralNumber()) {
      throw new DataException(file, 0, pointer, "expected an integer, found " + n);
    }
    return n.asInt();
  }

  /** The number at a JSON pointer, as a double. */
  public double number(String pointer) {
    JsonNode n = node(pointer);
    if (!n.isNumber()) {
      throw new DataException(file, 0, pointer, "expected a number, found " + n);
    }
    return n.asDouble();
  }

  /** The list of strings at a JSON pointer. */
  public List<String> texts(String pointer) {
    JsonNode n = node(pointer);
    if (!n.isArray()) {
      throw new DataException(file, 0, pointer, "expected an array of strings, found " + n.getNodeType());
    }
    List<String> out = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) {
      JsonNode e = n.get(i);
      if (!e.isTextual()) {
        throw new DataException(file, 0, pointer + "/" + i, "expected a string, found " + e.getNodeType());
      }
      out.add(e.asText());
    }
    return out;
  }

  /** The object at a JSON pointer as an ordered map of string lists (e.g. statements per topic). */
  public Map<String, List<String>> textLists(String pointer) {
    JsonNode n = node(pointer);
    if (!n.isObject()) {
      throw new DataException(file, 0, pointer, "expected an object, found " + n.getNodeType());
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      out.put(k, texts(pointer + "/" + escape(k)));
    }
    return out;
  }

  /** The object at a JSON pointer as an ordered map of strings. */
  public Map<String, String> textMap(String pointer) {
    JsonNode n = node(pointer);
    if (!n.isObject()) {
      throw new DataException(file, 0, pointer, "expected an object, found " + n.getNodeType());
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      out.put(k, text(pointer + "/" + escape(k)));
    }
    return out;
  }

  /** Escapes a key for use as one JSON pointer segment. */
  public static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
