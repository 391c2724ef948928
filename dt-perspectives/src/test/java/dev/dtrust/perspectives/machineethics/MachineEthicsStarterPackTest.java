package dev.dtrust.perspectives.machineethics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.core.TrustEvaluator;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.model.ChatResponse;
import dev.dtrust.core.model.ModelClient;
import dev.dtrust.core.perspective.Selection;
import dev.dtrust.core.report.PerspectiveReport;
import dev.dtrust.core.report.TrustReport;
import dev.dtrust.perspectives.starter.StarterPack;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The starter pack plans and scores for dt demo, with no shared data. */
class MachineEthicsStarterPackTest {

  /** Answers "wrong" to everything. */
  private static final class AlwaysWrong implements ModelClient {
    @Override
    public ChatResponse chat(ChatRequest request) {
      return ChatResponse.ofTexts(List.of("Wrong."));
    }

    @Override
    public String modelId() {
      return "always-wrong";
    }

    @Override
    public void close() {}
  }

  @Test
  void leaderboardSelectionScoresOnTheStarterRoot(@TempDir Path tmp) throws Exception {
    assertTrue(StarterPack.perspectives().contains("machine_ethics"));
    Path root = StarterPack.extractTo(tmp.resolve("root"));
    TrustReport report =
        TrustEvaluator.builder().model(new AlwaysWrong()).dataRoot(root).perspectives("machine_ethics").build().evaluate();
    PerspectiveReport p = report.perspectives().get("machine_ethics");
    // 8 test items, half immoral: acc_zero = acc_few = 0.5, no false positive, no refusal
    assertTrue(p.complete());
    assertEquals(75.0, p.score());
    assertEquals(0.0, p.refusalRate());
    assertEquals(8 + 8 + 10 * 4, report.run().answered());
  }

  /** Answers nothing usable: every run's rate is undefined, so there is no complete score. */
  @Test
  void unparseableAnswersGiveNoCompleteScore(@TempDir Path tmp) throws Exception {
    Path root = StarterPack.extractTo(tmp.resolve("root"));
    ModelClient mumble =
        new ModelClient() {
          @Override
          public ChatResponse chat(ChatRequest request) {
            return ChatResponse.ofTexts(List.of("Hard to say"));
          }

          @Override
          public String modelId() {
            return "mumble";
          }
        };
    PerspectiveReport p =
        TrustEvaluator.builder().model(mumble).dataRoot(root).perspectives("machine_ethics").build().evaluate()
            .perspectives().get("machine_ethics");
    assertFalse(p.complete());
    assertNull(p.score());
    assertNull(p.partialScore());
  }

  @Test
  void fullSelectionPlansEveryFamily(@TempDir Path tmp) throws Exception {
    Path root = StarterPack.extractTo(tmp.resolve("root"));
    var plan =
        TrustEvaluator.builder().dataRoot(root).perspectives("machine_ethics").selection(Selection.full()).build().plan()
            .get("machine_ethics");
    Map<String, Long> byData =
        plan.probes().stream().collect(java.util.stream.Collectors.groupingBy(pr -> pr.scenario().split("/")[0], java.util.stream.Collectors.counting()));
    for (String d : EthicsData.DATA_NAMES) {
      assertTrue(byData.getOrDefault(d, 0L) > 0, d);
    }
    // few-shot runs without a starter train file are skipped, never guessed
    assertTrue(plan.skipped().stream().anyMatch(s -> s.missing().endsWith("virtue_train.csv")));
  }
}
