package dev.dtrust.core.engine;

import dev.dtrust.core.model.ModelException;
import dev.dtrust.core.perspective.Probe;
import java.time.Duration;

/** Hears how a run goes. Called from engine threads; implementations must be thread-safe. */
public interface EvaluationListener {

  /** A perspective's plan is ready. */
  default void planned(String perspective, int probes) {}

  /** A probe finished (answered or failed); {@code done} of {@code total} in this perspective. */
  default void progress(String perspective, int done, int total, RunCounters counters) {}

  /** A retryable failure; the call is retried after {@code delay}. */
  default void retry(Probe probe, int attempt, ModelException error, Duration delay) {}

  /** A probe failed for good. */
  default void failure(Probe probe, String reason) {}

  /** A perspective was scored. */
  default void scored(String perspective) {}
}
