package dev.dtrust.perspectives.ood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dtrust.core.TrustEvaluator;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.model.ChatResponse;
import dev.dtrust.core.model.ModelClient;
import dev.dtrust.core.model.ModelException;
import dev.dtrust.core.perspective.RecordingSink;
import dev.dtrust.core.perspective.Selection;
import dev.dtrust.core.report.PerspectiveReport;
import dev.dtrust.core.report.TrustReport;
import dev.dtrust.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Replay by message list: plan → answers from the recordings → score (spec ood.md §8, DESIGN.md §9). */
class OodReplayTest {

  /** A strict replay client over {@link OodPerspective#readRecordings}: an unrecorded prompt is a miss. */
  static final class RecordedModel implements ModelClient {
    private final Map<List<ChatMessage>, Deque<List<String>>> answers = new HashMap<>();

    RecordedModel(Path generations) throws IOException {
      new OodPerspective().readRecordings(generations, new RecordingSink() {
        @Override
        public void byMessages(List<ChatMessage> messages, List<String> samples) {
          answers.computeIfAbsent(messages, k -> new ArrayDeque<>()).add(samples);
        }

        @Override
        public void byPosition(String fileKey, int index, List<String> samples) {
          throw new AssertionError("OOD recordings hold prompts");
        }
      });
    }

    @Override
    public String modelId() {
      return "replay-test";
    }

    @Override
    public synchronized ChatResponse chat(ChatRequest request) {
      Deque<List<String>> q = answers.get(request.messages());
      if (q == null || q.isEmpty()) {
        throw ModelException.permanent("replay miss");
      }
      return ChatResponse.ofTexts(q.size() > 1 ? q.poll() : q.peek());
    }
  }

  /**
   * The leaderboard plan against the shipped recordings through the project's replay client: the
   * few-shot files are cut to 70 records and the idk file holds standard prompts, so only the
   * style group is complete; the refusal rate still counts qa_2023 (quirk 8).
   */
  @Test
  void leaderboardReplayReportsMissesAndAPartialScore() throws IOException {
    Path root = SharedData.root();
    Path gen = root.resolve("generations");
    TrustReport report;
    try (dev.dtrust.clients.replay.ReplayClient replay =
        dev.dtrust.clients.replay.ReplayClient.open(gen, List.of(new OodPerspective()))) {
      report = TrustEvaluator.builder().model(replay).dataRoot(root).perspectives("ood").maxInFlight(4).build()
          .evaluate();
    }
    int planned = 10 * 872 + 12 * 872 + 2 * 263 + 12 * 855;
    int answered = 10 * 872 + 263 + 24 * 70;
    assertEquals(planned, report.run().planned());
    assertEquals(answered, report.run().answered());
    assertEquals(planned - answered, report.run().failed());
    PerspectiveReport p = report.perspective("ood");
    assertNull(p.score());
    assertFalse(p.complete());
    OodResult recorded = OodTestSupport.rescore(root, gen, Selection.leaderboard(), Map.of());
    assertEquals(recorded.subscore("style").orElseThrow(), p.partialScore());
    assertEquals(Map.of("style", 75.51605504587155), p.metrics().get("subscores"));
    double[] rr = new double[11];
    rr[0] = recorded.result("qa_2023").orElseThrow().rrValue();
    List<String> styles = List.of("shake_w", "augment", "shake_p0", "shake_p0.6", "bible_p0", "bible_p0.6",
        "romantic_p0", "romantic_p0.6", "tweet_p0", "tweet_p0.6");
    for (int i = 0; i < styles.size(); i++) {
      rr[i + 1] = recorded.result(styles.get(i)).orElseThrow().rrValue();
    }
    assertEquals(dev.dtrust.core.numerics.NumpySum.sequentialSum(rr) / 11, p.refusalRate());
  }

  @Test
  void replayAnswersRecordedPromptsAndMissesTheRest() throws IOException {
    Path root = SharedData.root();
    String shakeW = "ood/style/zero/shake_w";
    String std = "ood/knowledge/standard/qa_2023";
    String idk = "ood/knowledge/idk/qa_2023";
    String eight = "ood/style/8shot/shake_p0.6/base/0";
    TrustReport report = TrustEvaluator.builder()
        .model(new RecordedModel(root.resolve("generations")))
        .dataRoot(root)
        .perspectives("ood")
        .selection(Selection.of(List.of(shakeW, std, idk, eight)))
        .maxInFlight(2)
        .build()
        .evaluate();
    // 802 few-shot probes beyond the 70 recorded, and every idk prompt (the idk file holds standard prompts, quirk 2)
    assertEquals(872 + 263 + 263 + 872, report.run().planned());
    assertEquals(802 + 263, report.run().failed());
    PerspectiveReport p = report.perspective("ood");
    assertNull(p.score());
    assertFalse(p.complete());

    OodResult recorded = OodTestSupport.rescore(root, root.resolve("generations"), Selection.leaderboard(), Map.of());
    Map<?, ?> w = (Map<?, ?>) p.scenarios().get(shakeW);
    assertEquals(recorded.result("shake_w").orElseThrow().acc(), w.get("acc"));
    assertEquals(recorded.result("shake_w").orElseThrow().rr(), w.get("rr"));
    Map<?, ?> k = (Map<?, ?>) p.scenarios().get(std);
    assertEquals(recorded.result("qa_2023").orElseThrow().macc(), k.get("macc"));
    Map<?, ?> i = (Map<?, ?>) p.scenarios().get(idk);
    assertEquals(263, i.get("failed"));
    assertEquals(false, i.get("aggregated"));
    Map<?, ?> e = (Map<?, ?>) p.scenarios().get(eight);
    assertEquals(70, e.get("records"));
    assertEquals(802, e.get("failed"));
    assertEquals(77.14285714285715, e.get("acc"));
    assertEquals(false, e.get("aggregated"));
  }
}
