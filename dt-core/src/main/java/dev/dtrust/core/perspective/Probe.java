package dev.dtrust.core.perspective;

import dev.dtrust.core.model.ChatRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One request a perspective wants answered, with what its scoring needs.
 *
 * @param perspective the perspective id
 * @param scenario    the scenario id within the perspective
 * @param key         stable within the scenario, e.g. {@code topic=hiv/group=Homosexuals/template=2}
 * @param request     the chat request to send
 * @param attributes  what scoring needs (gold label, sensitive attribute, …); JSON values only
 *                    (String, Number, Boolean, List, Map), so plans stay serializable
 */
public record Probe(
    String perspective,
    String scenario,
    String key,
    ChatRequest request,
    Map<String, Object> attributes) implements java.io.Serializable {

  /**
   * Attribute naming a recorded position ({@code fileKey#index}) for perspectives whose
   * recordings hold answers but no prompts; replay then matches by position, not by messages.
   */
  public static final String REPLAY_POSITION = "replayPosition";

  public Probe {
    Objects.requireNonNull(perspective, "perspective");
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(request, "request");
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /** An attribute, or {@code null} when absent. */
  public @Nullable Object attribute(String name) {
    return attributes.get(name);
  }

  /** A string attribute; fails as a programming error when absent. */
  public String stringAttribute(String name) {
    Object v = attributes.get(name);
    if (v == null) {
      throw new IllegalStateException("probe " + key + " has no attribute " + name);
    }
    return v.toString();
  }

  /** An integer attribute; fails as a programming error when absent. */
  public int intAttribute(String name) {
    Object v = attributes.get(name);
    if (!(v instanceof Number n)) {
      throw new IllegalStateException("probe " + key + " has no numeric attribute " + name);
    }
    return n.intValue();
  }
}
