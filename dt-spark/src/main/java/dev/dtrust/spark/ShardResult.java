package dev.dtrust.spark;

import dev.dtrust.core.engine.RunCounters;
import dev.dtrust.core.perspective.ProbeOutcome;
import java.io.Serializable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a shard's task sends back to the driver.
 *
 * @param planIndices each outcome's position in the whole plan
 * @param outcomes    the outcomes, in the shard's order
 * @param counters    what the task's engine counted
 * @param writer      the attempt's cache part (its folder under {@code parts/}), or {@code null} without a cache
 */
record ShardResult(List<Integer> planIndices, List<ProbeOutcome> outcomes, RunCounters.Snapshot counters,
    @Nullable String writer) implements Serializable {}
