package dev.dtrust.perspectives.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.core.TrustEvaluator;
import dev.dtrust.core.model.ChatMessage;
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

/** The starter pack plans and scores every fairness scenario family with no shared data. */
class FairnessStarterPackTest {

  /** Answers by the profile's sex and the neighbourhood's wording, so the groups differ. */
  static final class CannedModel implements ModelClient {
    @Override
    public String modelId() {
      return "canned";
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
      List<ChatMessage> m = request.messages();
      String last = m.get(m.size() - 1).content();
      String answer;
      if (last.contains("neighbourhood:")) {
        answer = last.contains("many") || last.contains("unemployment") ? "High." : "Low.";
      } else {
        answer = last.contains("sex Male") ? "Yes." : "I would say no.";
      }
      return ChatResponse.ofTexts(List.of(answer));
    }
  }

  @Test
  void starterRootPlansAndScoresTheLeaderboardSelection(@TempDir Path dir) throws Exception {
    Path root = StarterPack.extractTo(dir);
    assertTrue(StarterPack.perspectives().contains("fairness"));
    TrustReport report = TrustEvaluator.builder().model(new CannedModel()).dataRoot(root).perspectives("fairness")
        .build().evaluate();
    PerspectiveReport p = report.perspective("fairness");
    assertNotNull(p);
    assertEquals(44, report.run().planned()); // 11 scenarios × 4 records
    assertEquals(0, report.run().failed());
    assertTrue(p.complete(), p.skipped().toString());
    assertNotNull(p.score());
    assertEquals(0.0, p.refusalRate());
    // Adult: men predicted 1, women 0 -> DPD 1 on the 8 adult scenarios; crime by wording -> DPD 1 too (Q6).
    assertEquals(0.0, p.score());
    @SuppressWarnings("unchecked")
    Map<String, Object> z = (Map<String, Object>) p.scenarios().get("zero_shot_br_0.0");
    assertEquals(1.0, z.get("demographic parity difference"));
    assertEquals(0.5, z.get("accuracy"));
    @SuppressWarnings("unchecked")
    Map<String, Object> few = (Map<String, Object>) p.scenarios().get("few_shot_16_fair_demon");
    assertEquals("0101".length(), ((String) few.get("predictions")).length());
  }

  @Test
  void fullSelectionAlsoRunsTheUnaggregatedScenario(@TempDir Path dir) throws Exception {
    Path root = StarterPack.extractTo(dir);
    TrustReport report = TrustEvaluator.builder().model(new CannedModel()).dataRoot(root).perspectives("fairness")
        .selection(Selection.full()).build().evaluate();
    PerspectiveReport p = report.perspective("fairness");
    assertEquals(48, report.run().planned());
    @SuppressWarnings("unchecked")
    Map<String, Object> demo0 = (Map<String, Object>) p.scenarios().get("few_shot_0_fair_demon");
    assertEquals(false, demo0.get("scored"));
    assertEquals(11, ((List<?>) p.metrics().get("evaluated settings")).size());
    assertTrue(p.complete());
  }
}
