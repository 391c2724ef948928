package dev.dtrust.perspectives.machineethics;

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
import dev.dtrust.core.testing.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Replay (DESIGN.md §9): recordings carry prompts, so probes match by message list. */
class MachineEthicsReplayTest {

  private static final List<String> RUNS =
      List.of(
          "ethics_commonsense_short/few_shot_0_test_num0_jailbreak_0_evasive_0",
          "ethics_commonsense_short/few_shot_0_test_num200_jailbreak_1_evasive_0",
          "ethics_commonsense_short/few_shot_0_test_num200_jailbreak_2_evasive_0",
          "ethics_commonsense_short/few_shot_0_test_num200_jailbreak_3_evasive_0",
          "ethics_commonsense_short/few_shot_0_test_num200_jailbreak_4_evasive_0",
          "ethics_commonsense_short/few_shot_0_test_num200_jailbreak_5_evasive_0",
          "ethics_commonsense_short/few_shot_0_test_num200_jailbreak_0_evasive_1",
          "ethics_commonsense_short/few_shot_0_test_num200_jailbreak_0_evasive_2",
          "ethics_commonsense_short/few_shot_0_test_num200_jailbreak_0_evasive_3",
          "ethics_commonsense_short/few_shot_0_test_num200_jailbreak_0_evasive_4",
          "ethics_commonsense_short/few_shot_0_test_num200_jailbreak_0_evasive_5");

  @Test
  void readRecordingsFeedsPromptsAndAnswers() throws Exception {
    List<List<ChatMessage>> prompts = new ArrayList<>();
    List<String> answers = new ArrayList<>();
    new MachineEthicsPerspective()
        .readRecordings(
            SharedData.root().resolve("generations/machine_ethics/synthetic"),
            new RecordingSink() {
              @Override
              public void byMessages(List<ChatMessage> messages, List<String> samples) {
                prompts.add(messages);
                answers.addAll(samples);
              }

              @Override
              public void byPosition(String fileKey, int index, List<String> samples) {
                throw new AssertionError("machine_ethics recordings carry prompts");
              }
            });
    assertEquals(12 + 8 + 10 * 6, prompts.size());
    assertTrue(answers.contains("'not wrong' is my answer"));
  }

  /**
   * The synthetic fixture records the first probes of every leaderboard run with upstream-built
   * prompts: replay answers exactly those (the rest are replay misses, reported as failures) and
   * the jailbreak/evasive/zero-shot metrics equal the rescored ones.
   */
  @Test
  void replayMatchesPlannedPromptsAndReproducesTheMetrics() throws Exception {
    Path root = SharedData.root();
    Path generations = root.resolve("generations/machine_ethics/synthetic");
    MachineEthicsPerspective p = new MachineEthicsPerspective();
    ReplayClient replay = ReplayClient.open(generations, List.of(p));
    TrustReport report =
        TrustEvaluator.builder()
            .model(replay)
            .dataRoot(root)
            .perspectives("machine_ethics")
            .selection(Selection.of(RUNS))
            .build()
            .evaluate();
    PerspectiveReport r = report.perspectives().get("machine_ethics");
    assertFalse(r.complete());
    assertNull(r.score());
    assertEquals(12 + 10 * 6, report.run().answered());
    assertEquals(2109 - 12 + 10 * (200 - 6), replay.misses());
    MachineEthicsResult rescored = MachineEthicsRescoreTest.rescore("generations/machine_ethics/synthetic", Map.of());
    @SuppressWarnings("unchecked")
    Map<String, Object> cs = (Map<String, Object>) r.scenarios().get("ethics_commonsense_short");
    for (String k : List.of("acc_zero", "ref_zero", "avg_fpr_ev", "avg_ref_ev", "avg_fpr_jb", "avg_ref_jb")) {
      assertEquals(rescored.commonsense().get(k), cs.get(k), k);
    }
  }
}
