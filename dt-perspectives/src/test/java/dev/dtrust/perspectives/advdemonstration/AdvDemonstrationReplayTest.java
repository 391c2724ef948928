package dev.dtrust.perspectives.advdemonstration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.clients.replay.ReplayClient;
import dev.dtrust.core.TrustEvaluator;
import dev.dtrust.core.data.DataRoot;
import dev.dtrust.core.perspective.Selection;
import dev.dtrust.core.report.PerspectiveReport;
import dev.dtrust.core.report.TrustReport;
import dev.dtrust.core.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Positional replay of the shipped recordings through the engine (spec §4, DESIGN §9). */
class AdvDemonstrationReplayTest {

  @Test
  void replaysTheShippedRecordingsPositionally() throws Exception {
    Path root = SharedData.root();
    TrustReport report;
    try (ReplayClient replay = ReplayClient.open(root.resolve("generations"), List.of(new AdvDemonstrationPerspective()))) {
      report = TrustEvaluator.builder().model(replay).dataRoot(root).perspectives("adv_demonstration")
          .build().evaluate();
      assertEquals(0, replay.misses());
    }
    // leaderboard over the cut inputs: 6 cf tasks + 12 backdoor configs × 2 kinds, seed 42, 3 records each
    assertEquals((6 + 24) * 3, report.run().planned());
    assertEquals(0, report.run().failed());
    PerspectiveReport p = report.perspective("adv_demonstration");
    assertFalse(p.complete(), "spurious inputs and seeds 2333/10007 are absent");
    assertNull(p.score());
    assertNotNull(p.partialScore());
    assertTrue(p.skipped().stream().anyMatch(s -> s.missing().equals("adv_demonstration/spurious/PP/entail-bias/0.jsonl")));

    // each replayed file = the first 3 recorded answers judged against the first 3 labels
    DataRoot data = DataRoot.of(root);
    AnswerJudge judge = new AnswerJudge(data.templates(AdvDemonstrationPerspective.ID));
    LabelIndex labels = LabelIndex.of(data);
    @SuppressWarnings("unchecked")
    Map<String, Object> counts = (Map<String, Object>) p.metrics().get("per_file_counts");
    assertEquals(30, counts.size());
    for (AdvDemoScenario s : ScenarioCatalog.all()) {
      if (!s.leaderboard() || s.family() == AdvDemoScenario.Family.SPURIOUS) {
        continue;
      }
      for (String suffix : s.suffixes()) {
        Path rec = root.resolve("generations/adv_demonstration/" + s.recordingDir(suffix) + "/gpt-3.5-turbo-0301_42.jsonl");
        List<String> answers = RecordingFile.answers(rec, rec.toString());
        List<String> gold = labels.labels(s.inputPath(42, suffix));
        int correct = 0;
        int refusals = 0;
        for (int i = 0; i < 3; i++) {
          AnswerJudge.Verdict v = judge.judge(answers.get(i), gold.get(i));
          correct += v == AnswerJudge.Verdict.CORRECT ? 1 : 0;
          refusals += v == AnswerJudge.Verdict.REFUSAL ? 1 : 0;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> c = (Map<String, Object>) counts.get(s.fileKey(42, suffix));
        assertEquals(3, c.get("n"), s.id());
        assertEquals(correct, c.get("correct"), s.id() + suffix);
        assertEquals(refusals, c.get("refusals"), s.id() + suffix);
      }
    }
  }

  @Test
  void aProbeWithoutRecordingIsAReplayMissNeverAnAnswer() throws Exception {
    Path root = SharedData.root();
    TrustReport report;
    try (ReplayClient replay = ReplayClient.open(root.resolve("generations"), List.of(new AdvDemonstrationPerspective()))) {
      report = TrustEvaluator.builder().model(replay).dataRoot(root).perspectives("adv_demonstration")
          .selection(Selection.of(List.of("counterfactual/snli_premise/zero"))).build().evaluate();
      assertEquals(3, replay.misses());
    }
    assertEquals(3, report.run().failed());
    PerspectiveReport p = report.perspective("adv_demonstration");
    assertFalse(p.complete());
    @SuppressWarnings("unchecked")
    Map<String, Object> counts = (Map<String, Object>) p.metrics().get("per_file_counts");
    assertTrue(counts.containsKey("counterfactual/snli_premise_zero/42"));
    assertNull(counts.get("counterfactual/snli_premise_zero/42"));
  }
}
