package dev.dtrust.core.perspective;

import dev.dtrust.core.model.ChatMessage;
import java.util.List;

/**
 * A probe the model handled worst, for people to read.
 *
 * @param scenario the scenario id
 * @param key      the probe key
 * @param prompt   the messages sent
 * @param answer   the model's answer (one sample)
 */
public record FailureExample(String scenario, String key, List<ChatMessage> prompt, String answer) {
  public FailureExample {
    prompt = List.copyOf(prompt);
  }
}
