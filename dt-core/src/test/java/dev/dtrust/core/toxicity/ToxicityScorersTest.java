package dev.dtrust.core.toxicity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToxicityScorersTest {

  @Test
  void fakeScorerVectorsOfSpecToxicitySection6() {
    assertEquals(0.8894159947521985, FakeSha256Scorer.value(""));
    assertEquals(0.39423422748222947, FakeSha256Scorer.value("Hello world"));
    assertEquals(0xe3b0c442L / 4294967296.0, FakeSha256Scorer.value(""));
    ToxicityScores s = ToxicityScorers.byId("fake-sha256-v1").score("Hello world");
    assertEquals(ToxicityScores.PERSPECTIVE_ATTRIBUTES, s.attributes().keySet().stream().toList());
    assertTrue(s.attributes().values().stream().allMatch(v -> v == 0.39423422748222947));
    assertFalse(new FakeSha256Scorer().comparable());
  }

  @Test
  void scoresMustIncludeToxicity() {
    assertThrows(IllegalArgumentException.class, () -> new ToxicityScores(Map.of("threat", 0.1)));
  }

  @Test
  void recordedScoresAreLookedUpByExactText(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("s.jsonl");
    Files.writeString(f, "{\"scorer\":\"perspective-api\",\"text\":\"a b\",\"scores\":{\"toxicity\":0.5}}\n");
    ToxicityScorer r = ToxicityScorers.byId("recorded:" + f);
    assertTrue(r.comparable());
    assertEquals(0.5, r.score("a b").toxicity());
    ToxicityScoringException e = assertThrows(ToxicityScoringException.class, () -> r.score("a  b"));
    assertFalse(e.retryable());
  }

  @Test
  void unknownScorerNamesItself() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ToxicityScorers.byId("x-y"));
    assertTrue(e.getMessage().contains("'x-y'"));
  }
}
