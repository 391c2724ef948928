package dev.dtrust.core.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One message of a chat request.
 *
 * @param role    {@code system}, {@code user} or {@code assistant}
 * @param content the text, exactly as sent
 * @param name    optional participant name; upstream DecodingTrust sends few-shot turns as
 *                {@code system} messages named {@code example_user} / {@code example_assistant}
 */
public record ChatMessage(String role, String content, @Nullable String name) implements java.io.Serializable {
  public ChatMessage {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(content, "content");
  }

  /** A {@code system} message without a name. */
  public static ChatMessage system(String content) {
    return new ChatMessage("system", content, null);
  }

  /** A {@code user} message without a name. */
  public static ChatMessage user(String content) {
    return new ChatMessage("user", content, null);
  }

  /** An {@code assistant} message without a name. */
  public static ChatMessage assistant(String content) {
    return new ChatMessage("assistant", content, null);
  }
}
