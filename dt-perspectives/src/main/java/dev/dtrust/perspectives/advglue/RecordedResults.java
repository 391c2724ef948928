package dev.dtrust.perspectives.advglue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtrust.core.data.DataException;
import dev.dtrust.core.model.ChatMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads one upstream result file ({@code results/adv-glue-plus-plus/<model>/<scenario>.json},
 * spec §5): per task the requests' message lists, the first choice of each response, the stored
 * predictions and labels. Streams the file; errors name file, line and field.
 */
final class RecordedResults {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * One task of a result file.
   *
   * @param task        the task key
   * @param messages    the request message lists, in order
   * @param contents    {@code choices[0].message.content} of each response, in order
   * @param predictions the stored predictions, or {@code null} when absent
   * @param labels      the stored labels
   */
  record RecordedTask(
      String task, List<List<ChatMessage>> messages, List<String> contents, int @Nullable [] predictions, int[] labels) {}

  private RecordedResults() {}

  /** The tasks of a result file, in file order. */
  static Map<String, RecordedTask> read(Path file, String name) {
    Map<String, RecordedTask> out = new LinkedHashMap<>();
    // Demonstration turns repeat in every request: share one copy of each text.
    Map<String, String> shared = new HashMap<>();
    try (JsonParser p = new JsonFactory(MAPPER).createParser(file.toFile())) {
      expect(p, p.nextToken(), JsonToken.START_OBJECT, name, null);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String task = p.currentName();
        String tp = "/" + task;
        expect(p, p.nextToken(), JsonToken.START_OBJECT, name, tp);
        List<List<ChatMessage>> messages = new ArrayList<>();
        List<String> contents = new ArrayList<>();
        int[] predictions = null;
        int[] labels = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken t = p.nextToken();
          switch (field) {
            case "requests" -> {
              expect(p, t, JsonToken.START_ARRAY, name, tp + "/requests");
              int i = 0;
              while (p.nextToken() != JsonToken.END_ARRAY) {
                long line = p.getTokenLocation().getLineNr();
                messages.add(messages(p.readValueAsTree(), name, line, tp + "/requests/" + i, shared));
                i++;
              }
            }
            case "responses" -> {
              expect(p, t, JsonToken.START_ARRAY, name, tp + "/responses");
              int i = 0;
              while (p.nextToken() != JsonToken.END_ARRAY) {
                long line = p.getTokenLocation().getLineNr();
                JsonNode r = p.readValueAsTree();
                JsonNode c = r.path("choices").path(0).path("message").path("content");
                if (!c.isTextual()) {
                  // Q13: upstream has no path for a missing reply; name it instead of crashing.
                  throw new DataException(name, line, tp + "/responses/" + i + "/choices/0/message/content",
                      c.isMissingNode() ? "missing" : "expected a string, found " + c.getNodeType());
                }
                contents.add(c.asText());
                i++;
              }
            }
            case "predictions" -> predictions = ints(p, t, name, tp + "/predictions");
            case "labels" -> labels = ints(p, t, name, tp + "/labels");
            default -> p.skipChildren();
          }
        }
        if (labels == null) {
          throw new DataException(name, p.getTokenLocation().getLineNr(), tp + "/labels", "missing");
        }
        if (contents.size() != labels.length || (predictions != null && predictions.length != labels.length)) {
          throw new DataException(name, p.getTokenLocation().getLineNr(), tp,
              "responses (" + contents.size() + "), predictions (" + (predictions == null ? "absent" : predictions.length)
                  + ") and labels (" + labels.length + ") differ in length");
        }
        out.put(task, new RecordedTask(task, messages, contents, predictions, labels));
      }
    } catch (JsonParseException e) {
      throw new DataException(name, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), null,
          "malformed JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new DataException(name, 0, null, "cannot read: " + e.getMessage(), e);
    }
    return out;
  }

  private static void expect(JsonParser p, JsonToken t, JsonToken wanted, String name, @Nullable String field) {
    if (t != wanted) {
      throw new DataException(name, p.getTokenLocation().getLineNr(), field,
          "expected " + (wanted == JsonToken.START_ARRAY ? "an array" : "an object") + ", found " + t);
    }
  }

  private static int[] ints(JsonParser p, JsonToken t, String name, String field) throws IOException {
    expect(p, t, JsonToken.START_ARRAY, name, field);
    List<Integer> v = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
        throw new DataException(name, p.getTokenLocation().getLineNr(), field + "/" + v.size(),
            "expected an integer, found " + p.getText());
      }
      v.add(p.getIntValue());
    }
    return v.stream().mapToInt(Integer::intValue).toArray();
  }

  private static List<ChatMessage> messages(JsonNode request, String name, long line, String pointer, Map<String, String> shared) {
    JsonNode ms = request.get("messages");
    if (ms == null || !ms.isArray()) {
      throw new DataException(name, line, pointer + "/messages", ms == null ? "missing" : "expected an array");
    }
    List<ChatMessage> out = new ArrayList<>(ms.size());
    for (int i = 0; i < ms.size(); i++) {
      JsonNode m = ms.get(i);
      JsonNode role = m.get("role");
      JsonNode content = m.get("content");
      if (role == null || !role.isTextual()) {
        throw new DataException(name, line, pointer + "/messages/" + i + "/role", "expected a string");
      }
      if (content == null || !content.isTextual()) {
        throw new DataException(name, line, pointer + "/messages/" + i + "/content", "expected a string");
      }
      JsonNode n = m.get("name");
      String text = shared.computeIfAbsent(content.asText(), k -> k);
      out.add(new ChatMessage(role.asText(), text, n != null && n.isTextual() ? n.asText() : null));
    }
    return List.copyOf(out);
  }
}
