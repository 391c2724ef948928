package dev.dtrust.spark;

import dev.dtrust.core.perspective.Probe;
import java.io.Serializable;
import java.util.List;

/**
 * The probes one Spark task answers. Every probe whose request is identical to another's lands in
 * the same shard, in plan order, so the shard's engine counts occurrences (DESIGN.md §3) exactly as
 * a single-process run over the whole plan does.
 *
 * @param perspective the perspective id
 * @param index       the shard's number
 * @param planIndices each probe's position in the whole plan
 * @param probes      the probes, in plan order
 */
record Shard(String perspective, int index, List<Integer> planIndices, List<Probe> probes) implements Serializable {}
