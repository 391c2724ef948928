package dev.dtrust.core.engine;

import dev.dtrust.core.model.ChatResponse;
import dev.dtrust.core.model.ModelClient;
import dev.dtrust.core.perspective.Probe;

/**
 * A client that answers from what it knows about the probe, not only its request: the replay
 * client, which matches recordings by position for perspectives whose recordings hold no prompts.
 * The engine calls {@link #answer} instead of {@link #chat}.
 */
public interface ProbeAwareClient extends ModelClient {

  /**
   * Answers a probe.
   *
   * @param probe      the probe
   * @param occurrence how many earlier probes of the plan have the identical request
   */
  ChatResponse answer(Probe probe, int occurrence);
}
