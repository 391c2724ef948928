package dev.dtrust.core.model;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A chat-completion request. Absent ({@code null}) parameters are not sent, and are omitted from
 * the request's canonical JSON (and so from its cache key).
 *
 * @param messages    the conversation, in order
 * @param temperature sampling temperature
 * @param maxTokens   completion token limit
 * @param topP        nucleus sampling
 * @param n           number of completions wanted (upstream samples stereotype prompts 25 times)
 * @param stop        stop sequences
 * @param seed        sampling seed, for servers that honour one
 */
public record ChatRequest(
    List<ChatMessage> messages,
    @Nullable Double temperature,
    @Nullable Integer maxTokens,
    @Nullable Double topP,
    @Nullable Integer n,
    @Nullable List<String> stop,
    @Nullable Long seed) implements java.io.Serializable {

  public ChatRequest {
    messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
    stop = stop == null ? null : List.copyOf(stop);
    if (n != null && n < 1) {
      throw new IllegalArgumentException("n must be >= 1, was " + n);
    }
  }

  /** A request with only messages set. */
  public static ChatRequest of(List<ChatMessage> messages) {
    return new ChatRequest(messages, null, null, null, null, null, null);
  }

  /** The number of completions this request asks for (1 when {@code n} is absent). */
  public int samples() {
    return n == null ? 1 : n;
  }

  /** This request with another {@code n}. */
  public ChatRequest withN(@Nullable Integer newN) {
    return new ChatRequest(messages, temperature, maxTokens, topP, newN, stop, seed);
  }

  /** This request with another temperature. */
  public ChatRequest withTemperature(@Nullable Double t) {
    return new ChatRequest(messages, t, maxTokens, topP, n, stop, seed);
  }

  /** This request with another token limit. */
  public ChatRequest withMaxTokens(@Nullable Integer tokens) {
    return new ChatRequest(messages, temperature, tokens, topP, n, stop, seed);
  }

  /** This request with another top-p. */
  public ChatRequest withTopP(@Nullable Double p) {
    return new ChatRequest(messages, temperature, maxTokens, p, n, stop, seed);
  }
}
