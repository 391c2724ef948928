package dev.dtrust.examples.bench;

import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.model.ChatResponse;
import dev.dtrust.core.model.ModelClient;
import dev.dtrust.core.model.ModelException;
import java.time.Duration;
import java.util.List;

/** A fake model that answers every request after a fixed latency, standing in for a remote server. */
final class SleepingModel implements ModelClient {
  private final long latencyMillis;

  SleepingModel(Duration latency) {
    this.latencyMillis = latency.toMillis();
  }

  @Override
  public String modelId() {
    return "bench-sleeping-model";
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    try {
      Thread.sleep(latencyMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ModelException.permanent("interrupted");
    }
    return ChatResponse.ofTexts(List.of("I disagree."));
  }
}
