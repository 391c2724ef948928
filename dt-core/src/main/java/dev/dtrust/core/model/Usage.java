package dev.dtrust.core.model;

/**
 * Token accounting of one response.
 *
 * @param promptTokens     tokens in the prompt, as the provider counted them
 * @param completionTokens tokens generated over all choices
 */
public record Usage(long promptTokens, long completionTokens) implements java.io.Serializable {
  /** No tokens (a cached or simulated answer). */
  public static final Usage NONE = new Usage(0, 0);

  /** The sum of two usages. */
  public Usage plus(Usage other) {
    return new Usage(promptTokens + other.promptTokens, completionTokens + other.completionTokens);
  }
}
