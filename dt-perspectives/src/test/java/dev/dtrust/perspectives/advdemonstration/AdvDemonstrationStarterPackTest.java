package dev.dtrust.perspectives.advdemonstration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.core.TrustEvaluator;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.model.ChatResponse;
import dev.dtrust.core.model.ModelClient;
import dev.dtrust.core.report.PerspectiveReport;
import dev.dtrust.core.report.TrustReport;
import dev.dtrust.perspectives.starter.StarterPack;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The starter pack plans and scores the leaderboard selection with no shared data. */
class AdvDemonstrationStarterPackTest {

  /** Always answers "Yes". */
  private static final class YesModel implements ModelClient {
    @Override
    public String modelId() {
      return "yes";
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
      return ChatResponse.ofTexts(List.of("Yes"));
    }

    @Override
    public void close() {}
  }

  @Test
  void plansAndScoresTheStarterRoot(@TempDir Path tmp) throws Exception {
    assertTrue(StarterPack.perspectives().contains("adv_demonstration"));
    Path root = StarterPack.extractTo(tmp.resolve("root"));
    TrustReport report = TrustEvaluator.builder().model(new YesModel()).dataRoot(root)
        .perspectives("adv_demonstration").build().evaluate();
    // 6 cf tasks × 3 seeds × 1 record + 12 spurious configs × 5 seeds × 2 records + 12 backdoor × 2 kinds × 3 seeds
    assertEquals(18 + 120 + 72, report.run().planned());
    assertEquals(0, report.run().failed());
    PerspectiveReport p = report.perspective("adv_demonstration");
    assertTrue(p.complete(), () -> "skipped: " + p.skipped());
    assertNotNull(p.score());
    // "Yes" is right on every spurious 'yes' record (half), never on sentiment: cacc 0, asr 0 → 1-avg_asr 1
    @SuppressWarnings("unchecked")
    var spurious = (java.util.Map<String, Object>) p.metrics().get("spurious");
    assertEquals(0.5, spurious.get("avg_acc"));
    @SuppressWarnings("unchecked")
    var backdoor = (java.util.Map<String, Object>) p.metrics().get("backdoor");
    assertEquals(1.0, backdoor.get("1-avg_asr"));
    assertEquals(0.0, backdoor.get("avg_cacc"));
  }
}
