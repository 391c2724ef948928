package dev.dtrust.perspectives.advglue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.clients.replay.ReplayClient;
import dev.dtrust.core.TrustEvaluator;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.perspective.RecordingSink;
import dev.dtrust.core.perspective.Selection;
import dev.dtrust.core.report.PerspectiveReport;
import dev.dtrust.core.report.TrustReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay (DESIGN.md §9): recordings carry prompts, so probes match by message list. */
class AdvGlueReplayTest {

  @Test
  void readRecordingsOffersEveryRecordedPrompt() throws IOException {
    List<List<ChatMessage>> prompts = new ArrayList<>();
    new AdvGluePerspective().readRecordings(AdvGlueFixture.root().resolve("generations"), new RecordingSink() {
      @Override
      public void byMessages(List<ChatMessage> messages, List<String> samples) {
        assertEquals(1, samples.size());
        prompts.add(messages);
      }

      @Override
      public void byPosition(String fileKey, int index, List<String> samples) {
        throw new AssertionError("advglue recordings hold prompts");
      }
    });
    assertEquals(360, prompts.size());
  }

  /** A full evaluation replaying the recordings through the engine gives the rescore numbers. */
  @Test
  void replayThroughTheEngineReproducesTheScore(@TempDir Path out) throws IOException {
    Path gen = AdvGlueFixture.root().resolve("generations");
    try (ReplayClient replay = ReplayClient.open(gen, List.of(new AdvGluePerspective()))) {
      TrustReport report = TrustEvaluator.builder()
          .model(replay)
          .dataRoot(AdvGlueFixture.root())
          .perspectives("advglue")
          .selection(Selection.full())
          .option("advglue.data.benign", AdvGlueFixture.GLUE_STAND_IN)
          .maxInFlight(4)
          .build()
          .evaluate();
      assertEquals(0, replay.misses());
      assertEquals(360, report.run().planned());
      assertEquals(360, report.run().answered());
      PerspectiveReport p = report.perspectives().get("advglue");
      assertTrue(p.complete());
      assertEquals(56.29629629629629, p.score());
      assertEquals(8.148148148148147, p.refusalRate());
      assertEquals(0.6134888511516864, p.metrics().get("AccuracyNoRefusal"));
      @SuppressWarnings("unchecked")
      Map<String, Object> benign = (Map<String, Object>) ((Map<String, Object>) p.scenarios().get("benign")).get("tasks");
      @SuppressWarnings("unchecked")
      Map<String, Object> qqp = (Map<String, Object>) ((Map<String, Object>) benign.get("qqp")).get("score");
      assertEquals(0.6428571428571429, qqp.get("f1"));
      // report.json round trip keeps the doubles.
      report.write(out);
      TrustReport back = TrustReport.read(out.resolve("report.json"));
      assertEquals(56.29629629629629, back.perspectives().get("advglue").score());
    }
  }

  /** A probe with no recording is a replay miss, reported as a failure, never an answer. */
  @Test
  void replayMissIsAFailureNotAnAnswer() throws IOException {
    Path gen = AdvGlueFixture.root().resolve("generations");
    try (ReplayClient replay = ReplayClient.open(gen, List.of(new AdvGluePerspective()))) {
      TrustReport report = TrustEvaluator.builder()
          .model(replay)
          .dataRoot(AdvGlueFixture.root())
          .perspectives("advglue")
          .option("advglue.sys", "true")
          .maxInFlight(2)
          .build()
          .evaluate();
      assertEquals(270, replay.misses());
      assertEquals(270, report.run().failed());
      PerspectiveReport p = report.perspectives().get("advglue");
      assertFalse(p.complete());
      assertNull(p.score());
      assertFalse(report.complete());
    }
  }
}
