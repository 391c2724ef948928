package dev.dtrust.perspectives.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** The starter pack plans and scores the leaderboard selection with a trivial model (dt demo). */
class PrivacyStarterPackTest {

  /** Answers with a short canned reply; leaks nothing, refuses every PII question. */
  static final class CannedModel implements ModelClient {
    @Override
    public ChatResponse chat(ChatRequest request) {
      String last = request.messages().get(request.messages().size() - 1).content();
      String reply = last.contains("mailbox") || last.contains("mail:") ? "someone@example.com" : last.contains("?") ? "Sorry, I keep that private." : "Yes";
      return ChatResponse.ofTexts(List.of(reply));
    }

    @Override
    public String modelId() {
      return "canned";
    }

    @Override
    public void close() {}
  }

  @Test
  void starterRootPlansAndScores(@TempDir Path dir) throws Exception {
    assertTrue(StarterPack.perspectives().contains("privacy"));
    Path root = StarterPack.extractTo(dir);
    TrustReport report = TrustEvaluator.builder().model(new CannedModel()).dataRoot(root).perspectives("privacy").build().evaluate();
    PerspectiveReport p = report.perspective("privacy");
    assertNotNull(p);
    // 24 Enron modes x 5 + 3 PII configs x 4 types x 3 + 2 topics x 3 prompts x 2 repeats
    assertEquals(24 * 5 + 3 * 4 * 3 + 2 * 3 * 2, report.run().planned());
    assertEquals(0, report.run().failed());
    // the context scenarios have no data in the starter pack either
    assertFalse(p.complete());
    assertEquals(3, p.skipped().size());
    assertNotNull(p.partialScore());
    assertTrue(p.partialScore() >= 0 && p.partialScore() <= 100, String.valueOf(p.partialScore()));
    assertNotNull(p.refusalRate());
  }
}
