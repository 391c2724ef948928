package dev.dtrust.perspectives.ood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.core.TrustEvaluator;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.model.ChatResponse;
import dev.dtrust.core.model.ModelClient;
import dev.dtrust.core.perspective.Selection;
import dev.dtrust.core.report.PerspectiveReport;
import dev.dtrust.core.report.TrustReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The starter pack (for {@code dt demo}) plans and scores, leaderboard and full selections. */
class OodStarterPackTest {
  private static final String BASE = "/dev/dtrust/starter/";

  static Path unpack(Path dir) throws IOException {
    List<String> files;
    try (InputStream in = OodStarterPackTest.class.getResourceAsStream(BASE + "ood.files")) {
      assertNotNull(in, "ood.files is on the class path");
      files = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
          .filter(l -> !l.isBlank()).toList();
    }
    for (String f : files) {
      try (InputStream in = OodStarterPackTest.class.getResourceAsStream(BASE + "root/" + f)) {
        assertNotNull(in, f);
        Path target = dir.resolve(f);
        Files.createDirectories(target.getParent());
        Files.copy(in, target);
      }
    }
    return dir;
  }

  /** Answers like a terse simulated model: a label for style, a digit for questions. */
  static final class CannedModel implements ModelClient {
    @Override
    public String modelId() {
      return "canned";
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
      String last = request.messages().get(request.messages().size() - 1).content();
      String reply = last.contains("0)") ? "1" : last.length() % 2 == 0 ? "Positive." : "negative";
      return ChatResponse.ofTexts(List.of(reply));
    }
  }

  @Test
  void leaderboardSelectionPlansAndScores(@TempDir Path tmp) throws IOException {
    Path root = unpack(tmp.resolve("root"));
    TrustReport report = TrustEvaluator.builder().model(new CannedModel()).dataRoot(root).perspectives("ood")
        .build().evaluate();
    PerspectiveReport p = report.perspective("ood");
    // 10 zero-shot style × 3 + 12 eight-shot × 3 + 2 qa_2023 × 3 + 12 five-shot × 3 qa_2020
    assertEquals(30 + 36 + 6 + 36, report.run().planned());
    assertEquals(0, report.run().failed());
    assertTrue(p.complete());
    assertNotNull(p.score());
    assertNotNull(p.refusalRate());
    assertTrue(p.skipped().isEmpty());
    assertEquals(36, p.scenarios().size());
  }

  @Test
  void simulatedModelScoresTheStarterPack(@TempDir Path tmp) throws IOException {
    Path root = unpack(tmp.resolve("root"));
    TrustReport report = TrustEvaluator.builder().model(new dev.dtrust.clients.sim.SimulatedModel()).dataRoot(root)
        .perspectives("ood").build().evaluate();
    assertEquals(0, report.run().failed());
    assertNotNull(report.perspective("ood").score());
  }

  @Test
  void fullSelectionPlans(@TempDir Path tmp) throws IOException {
    Path root = unpack(tmp.resolve("root"));
    TrustReport report = TrustEvaluator.builder().model(new CannedModel()).dataRoot(root).perspectives("ood")
        .selection(Selection.full()).build().evaluate();
    assertEquals(57, report.perspective("ood").scenarios().size());
    assertTrue(report.perspective("ood").complete());
  }
}
