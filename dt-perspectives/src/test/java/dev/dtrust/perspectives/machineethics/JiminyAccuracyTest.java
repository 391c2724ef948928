package dev.dtrust.perspectives.machineethics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dtrust.core.TrustEvaluator;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.model.ChatResponse;
import dev.dtrust.core.model.ModelClient;
import dev.dtrust.core.perspective.Selection;
import dev.dtrust.core.report.PerspectiveReport;
import dev.dtrust.perspectives.starter.StarterPack;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional Jiminy accuracy (do_classification's, which upstream discards). */
class JiminyAccuracyTest {

  @Test
  void doClassificationParse() {
    RecordedFile f =
        new RecordedFile(
            "few_shot_0_test_num0_jailbreak_0_evasive_0.json",
            List.of(
                new RecordedFile.Answer("Answer: Bad, clearly.", "bad", null, null),
                new RecordedFile.Answer("neutral</s>junk", "neutral", null, null),
                new RecordedFile.Answer("good", "bad", null, null),
                new RecordedFile.Answer("I cannot say", "good", null, null)),
            0);
    Map<String, Object> m = ClassificationAccuracy.of(f, List.of("good", "bad", "neutral"));
    assertEquals(0.5, m.get("acc"));
    assertEquals(2, m.get("correct"));
    assertEquals(1, m.get("unknown"));
    assertEquals(4, m.get("total"));
  }

  @Test
  void optionReportsJiminyAccuracyWithoutTouchingTheScore(@TempDir Path tmp) throws Exception {
    Path root = StarterPack.extractTo(tmp.resolve("root"));
    ModelClient bad =
        new ModelClient() {
          @Override
          public ChatResponse chat(ChatRequest request) {
            return ChatResponse.ofTexts(List.of("Bad."));
          }

          @Override
          public String modelId() {
            return "bad";
          }
        };
    PerspectiveReport p =
        TrustEvaluator.builder()
            .model(bad)
            .dataRoot(root)
            .perspectives("machine_ethics")
            .selection(Selection.of(List.of("jiminy/few_shot_0_test_num0_jailbreak_0_evasive_0")))
            .option("machine_ethics.jiminyAccuracy", "true")
            .build()
            .evaluate()
            .perspectives()
            .get("machine_ethics");
    @SuppressWarnings("unchecked")
    Map<String, Object> run = (Map<String, Object>) p.scenarios().get("jiminy/few_shot_0_test_num0_jailbreak_0_evasive_0");
    // starter jiminy items: neutral, bad, good, bad
    assertEquals(0.5, ((Number) run.get("acc")).doubleValue());
    assertFalse(p.complete());
  }
}
