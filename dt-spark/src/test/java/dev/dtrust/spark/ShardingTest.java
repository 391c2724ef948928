package dev.dtrust.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.perspective.Probe;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShardingTest {

  private static List<Probe> probes() {
    List<Probe> out = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      // every prompt is asked three times: occurrences 0, 1, 2 must stay in one shard, in order
      out.add(new Probe("p", "s", "k" + i, ChatRequest.of(List.of(ChatMessage.user("q" + (i % 20)))), Map.of()));
    }
    return out;
  }

  @Test
  void identicalRequestsShareAShardInPlanOrder() {
    List<Probe> plan = probes();
    List<Shard> shards = SparkProbeExecutor.shard("p", plan, 4);
    Set<Integer> seen = new HashSet<>();
    for (Shard s : shards) {
      assertTrue(!s.probes().isEmpty());
      for (int i = 1; i < s.planIndices().size(); i++) {
        assertTrue(s.planIndices().get(i - 1) < s.planIndices().get(i), "plan order within a shard");
      }
      for (int i = 0; i < s.probes().size(); i++) {
        assertEquals(plan.get(s.planIndices().get(i)), s.probes().get(i));
      }
      seen.addAll(s.planIndices());
      for (Shard other : shards) {
        if (other != s) {
          Set<ChatRequest> mine = new HashSet<>();
          s.probes().forEach(p -> mine.add(p.request()));
          other.probes().forEach(p -> assertTrue(!mine.contains(p.request()), "a request in two shards"));
        }
      }
    }
    assertEquals(plan.size(), seen.size(), "every probe in exactly one shard");
    assertTrue(shards.size() > 1, "the plan was actually split");
  }
}
