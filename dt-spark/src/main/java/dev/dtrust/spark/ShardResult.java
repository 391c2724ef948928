package dev.dtrust.spark;

import dev.dtrust.core.engine.RunCounters;
import dev.dtrust.core.perspective.ProbeOutcome;
import java.io.Serializable;
import java.util.List;

/**
 * What a shard's task sends back to the driver.
 *
 * @param planIndices each outcome's position in the whole plan
 * @param outcomes    the outcomes, in the shard's order
 * @param counters    what the task's engine counted
 */
record ShardResult(List<Integer> planIndices, List<ProbeOutcome> outcomes, RunCounters.Snapshot counters)
    implements Serializable {}
