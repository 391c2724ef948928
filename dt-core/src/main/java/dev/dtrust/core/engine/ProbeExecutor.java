package dev.dtrust.core.engine;

import dev.dtrust.core.perspective.Probe;
import dev.dtrust.core.perspective.ProbeOutcome;
import java.util.List;

/**
 * Answers a perspective's plan somewhere other than the evaluator's own {@link Engine}, e.g. on
 * Spark executors (DESIGN.md §11). Implementations must return outcomes in plan order and keep probe
 * identity (occurrence counted over the whole plan), so that scoring sees exactly what a local run
 * would.
 */
@FunctionalInterface
public interface ProbeExecutor {
  /**
   * Answers the probes of one perspective.
   *
   * @param perspective the perspective id
   * @param probes      the whole plan, in order
   * @param counters    the run's counters, to which the executor adds what it measured
   * @return one outcome per probe, in the probes' order
   */
  List<ProbeOutcome> execute(String perspective, List<Probe> probes, RunCounters counters);
}
