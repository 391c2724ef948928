package dev.dtrust.core.json;

import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.model.ChatRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Canonical JSON of requests and message lists (DESIGN.md §3): Python's {@code json.dumps(x,
 * ensure_ascii=False, sort_keys=True, separators=(",", ":"))}, absent fields omitted. One writer
 * serves both the cache key and the specs' prompt fingerprints.
 */
public final class CanonicalJson {
  private static final JsonWriter WRITER = JsonWriter.canonical();

  private CanonicalJson() {}

  /** The canonical JSON of any JSON value. */
  public static String write(Object value) {
    return WRITER.write(value);
  }

  /** The message list as JSON values: {@code {"content","role"}} plus {@code "name"} when set. */
  public static List<Map<String, Object>> messages(List<ChatMessage> messages) {
    List<Map<String, Object>> out = new ArrayList<>(messages.size());
    for (ChatMessage m : messages) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("content", m.content());
      if (m.name() != null) {
        o.put("name", m.name());
      }
      o.put("role", m.role());
      out.add(o);
    }
    return out;
  }

  /** The canonical JSON of a message list. */
  public static String ofMessages(List<ChatMessage> messages) {
    return WRITER.write(messages(messages));
  }

  /** The canonical JSON of a request, absent fields omitted. */
  public static String ofRequest(ChatRequest r) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("messages", messages(r.messages()));
    if (r.temperature() != null) {
      o.put("temperature", r.temperature());
    }
    if (r.maxTokens() != null) {
      o.put("max_tokens", r.maxTokens());
    }
    if (r.topP() != null) {
      o.put("top_p", r.topP());
    }
    if (r.n() != null) {
      o.put("n", r.n());
    }
    if (r.stop() != null) {
      o.put("stop", r.stop());
    }
    if (r.seed() != null) {
      o.put("seed", r.seed());
    }
    return WRITER.write(o);
  }
}
