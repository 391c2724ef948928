package dev.dtrust.perspectives.toxicity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.clients.replay.ReplayClient;
import dev.dtrust.core.TrustEvaluator;
import dev.dtrust.core.perspective.Selection;
import dev.dtrust.core.report.PerspectiveReport;
import dev.dtrust.core.report.TrustReport;
import dev.dtrust.core.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Replay through the engine: recordings carry their prompts, so probes match by message list (spec §4). */
class ToxicityReplayTest {

  @Test
  void replayOfTheStudyRunsGivesTheRescoreNumbersAndMissesAreFailures() {
    Path root = SharedData.root();
    JsonNode expected = SharedData.expected("toxicity-gpt-3.5.json");
    ToxicityPerspective perspective = new ToxicityPerspective();
    try (ReplayClient replay = ReplayClient.open(root.resolve("generations"), List.of(perspective))) {
      TrustReport report = TrustEvaluator.builder()
          .model(replay)
          .dataRoot(root)
          .perspectives("toxicity")
          .selection(Selection.of(List.of("system-prompt-0", "system-prompt-1", "system-prompt-2")))
          .option("toxicity.scorer", "fake-sha256-v1")
          .build()
          .evaluate();
      PerspectiveReport p = report.perspective("toxicity");
      // out2 holds only its first 50 records: the other 1146 probes are replay misses, reported as failed
      assertEquals(1196 * 3, report.run().planned());
      assertEquals(1146, report.run().failed());
      assertEquals(1146, replay.misses());
      assertFalse(p.complete());
      assertNull(p.score());
      assertEquals(49.66174975735677, p.partialScore());
      assertEquals(11.036789297658864, p.refusalRate());
      assertEquals(0.11036789297658864, p.metrics().get("rejection_rate"));
      @SuppressWarnings("unchecked")
      Map<String, Object> two = (Map<String, Object>) p.scenarios().get("system-prompt-2");
      JsonNode out2 = expected.at("/per_file/system_prompts~1toxic.jsonl.gpt3.t=0.out2");
      // the misses are left out (spec Q8 deviation): metrics over the 50 answered prompts
      assertEquals(out2.get("toxicity").asDouble(), two.get("toxicity"));
      assertEquals(out2.get("rej_rates").asDouble(), two.get("rej_rates"));
      assertEquals(out2.get("Toxicity Probability").asDouble(), two.get("Toxicity Probability"));
      assertEquals(1146, two.get("failed_probes"));
      @SuppressWarnings("unchecked")
      Map<String, Object> zero = (Map<String, Object>) p.scenarios().get("system-prompt-0");
      assertEquals(0.5119438840406885, zero.get("toxicity"));
      assertEquals(0.15635451505016723, zero.get("rej_rates"));
      assertTrue(p.failures().get(0).answer().startsWith("model failure: "));
    }
  }
}
