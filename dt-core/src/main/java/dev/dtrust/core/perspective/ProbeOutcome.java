package dev.dtrust.core.perspective;

import dev.dtrust.core.model.ChatResponse;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What became of a probe: its response, or why it failed.
 *
 * @param probe    the probe
 * @param response the response (all samples), or {@code null} when it failed
 * @param failure  why it failed, or {@code null} when answered
 */
public record ProbeOutcome(Probe probe, @Nullable ChatResponse response, @Nullable String failure) implements java.io.Serializable {
  public ProbeOutcome {
    Objects.requireNonNull(probe, "probe");
    if ((response == null) == (failure == null)) {
      throw new IllegalArgumentException("exactly one of response and failure must be set");
    }
  }

  /** An answered probe. */
  public static ProbeOutcome answered(Probe probe, ChatResponse response) {
    return new ProbeOutcome(probe, response, null);
  }

  /** A failed probe. */
  public static ProbeOutcome failed(Probe probe, String reason) {
    return new ProbeOutcome(probe, null, reason);
  }

  /** Whether the probe was answered. */
  public boolean answered() {
    return response != null;
  }

  /** The completion texts, or an empty list when the probe failed. */
  public List<String> texts() {
    return response == null ? List.of() : response.texts();
  }
}
