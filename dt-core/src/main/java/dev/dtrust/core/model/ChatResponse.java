package dev.dtrust.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A chat-completion response.
 *
 * @param choices  the completions, in the provider's order
 * @param usage    token accounting
 * @param metadata provider details worth keeping (system fingerprint, role mapping, …); never
 *                 secrets
 */
public record ChatResponse(List<Choice> choices, Usage usage, Map<String, String> metadata) implements java.io.Serializable {
  public ChatResponse {
    choices = List.copyOf(Objects.requireNonNull(choices, "choices"));
    usage = usage == null ? Usage.NONE : usage;
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  /** A response with the given completion texts, finish reason {@code stop}, and no usage. */
  public static ChatResponse ofTexts(List<String> texts) {
    return new ChatResponse(
        texts.stream().map(t -> new Choice(t, "stop")).toList(), Usage.NONE, Map.of());
  }

  /** The completion texts, in order. */
  public List<String> texts() {
    return choices.stream().map(Choice::text).toList();
  }
}
