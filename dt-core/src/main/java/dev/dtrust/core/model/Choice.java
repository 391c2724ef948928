package dev.dtrust.core.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One completion of a response.
 *
 * @param text         the completion text ({@code ""} when the provider returned none)
 * @param finishReason the provider's finish reason ({@code stop}, {@code length},
 *                     {@code content_filter}, …), or {@code null} when unknown
 */
public record Choice(String text, @Nullable String finishReason) implements java.io.Serializable {
  public Choice {
    Objects.requireNonNull(text, "text");
  }

  /** Whether a provider's safety system refused to answer. */
  public boolean filtered() {
    return "content_filter".equals(finishReason);
  }
}
