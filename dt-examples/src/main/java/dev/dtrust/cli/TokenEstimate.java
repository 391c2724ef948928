package dev.dtrust.cli;

import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.model.ChatRequest;

/** A rough prompt-token estimate for dry runs: about four characters per token. */
final class TokenEstimate {
  private TokenEstimate() {}

  static long of(ChatRequest r) {
    long chars = 0;
    for (ChatMessage m : r.messages()) {
      chars += m.content().length() + 4;
    }
    return (chars + 3) / 4;
  }
}
