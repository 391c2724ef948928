package dev.dtrust.core.json;

import dev.dtrust.core.model.ChatMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Prompt fingerprints as the specs define them: the SHA-256 hex of the canonical JSON of a message
 * list, and the "all probes" hash over many (canonical strings joined by one LF, no trailing LF).
 */
public final class Fingerprints {
  private Fingerprints() {}

  /** The fingerprint of one prompt. */
  public static String of(List<ChatMessage> messages) {
    return Sha256.hex(CanonicalJson.ofMessages(messages));
  }

  /** Accumulates the "all probes" hash of a sequence of prompts. */
  public static final class Joined {
    private final MessageDigest digest = Sha256.digest();
    private boolean first = true;

    /** Adds the next prompt. */
    public Joined add(List<ChatMessage> messages) {
      if (!first) {
        digest.update((byte) '\n');
      }
      first = false;
      digest.update(CanonicalJson.ofMessages(messages).getBytes(StandardCharsets.UTF_8));
      return this;
    }

    /** The hex digest; call once. */
    public String hex() {
      return Sha256.toHex(digest.digest());
    }
  }

  /** A fresh "all probes" accumulator. */
  public static Joined joined() {
    return new Joined();
  }
}
