package dev.dtrust.core.perspective;

import dev.dtrust.core.model.ChatMessage;
import java.util.List;

/**
 * Receives a perspective's recorded answers for replay. Recordings that hold their prompts are
 * matched by message list; those that hold answers only are matched by position (file key and
 * index), as each spec says.
 */
public interface RecordingSink {

  /** A recorded answer to exactly these messages; repeated prompts arrive in recorded order. */
  void byMessages(List<ChatMessage> messages, List<String> samples);

  /**
   * A recorded answer at a position: the {@code index}-th record of the file known by {@code
   * fileKey}. A probe asks for it through its {@link Probe#REPLAY_POSITION} attribute.
   */
  void byPosition(String fileKey, int index, List<String> samples);
}
