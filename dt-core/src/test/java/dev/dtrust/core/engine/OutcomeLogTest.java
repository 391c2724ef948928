package dev.dtrust.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.core.model.ChatResponse;
import dev.dtrust.core.perspective.Probe;
import dev.dtrust.core.perspective.ProbeOutcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeLogTest {

  @Test
  void longAndShortReasonsAndResponsesComeBackAsRecorded() {
    List<Probe> probes = EngineTest.probes(40);
    String longReason = "replay miss: ".repeat(100) + "é€𝄞";
    try (OutcomeLog log = new OutcomeLog("p", 0)) {
      for (int i = probes.size() - 1; i >= 0; i--) { // any completion order
        Probe p = probes.get(i);
        log.record(i, switch (i % 3) {
          case 0 -> ProbeOutcome.answered(p, ChatResponse.ofTexts(List.of("a" + i)));
          case 1 -> ProbeOutcome.failed(p, "short " + i);
          default -> ProbeOutcome.failed(p, longReason + i);
        });
      }
      assertTrue(longReason.length() > OutcomeLog.SPILL_OVER);
      List<ProbeOutcome> replanned = new ArrayList<>();
      log.replanned(probes::stream).forEach(replanned::add);
      assertEquals(log.over(probes), replanned);
      assertEquals(List.of("a0"), replanned.get(0).texts());
      assertEquals("short 1", replanned.get(1).failure());
      assertEquals(longReason + 2, replanned.get(2).failure());
      assertEquals(replanned.get(17), log.replanned(probes::stream).get(17));
    }
  }

  @Test
  void aPlanThatComesOutDifferentlyFailsInsteadOfScoringWrongAnswers() {
    List<Probe> probes = EngineTest.probes(5);
    try (OutcomeLog log = new OutcomeLog("p", 5)) {
      for (int i = 0; i < 5; i++) {
        log.record(i, ProbeOutcome.failed(probes.get(i), "x"));
      }
      List<Probe> reordered = new ArrayList<>(probes);
      java.util.Collections.swap(reordered, 1, 2);
      assertThrows(IllegalStateException.class, () -> log.replanned(reordered::stream).forEach(o -> {}));
      assertThrows(IllegalStateException.class, () -> log.replanned(() -> probes.stream().limit(4)).forEach(o -> {}));
      assertThrows(IllegalStateException.class, () -> log.replanned(() -> EngineTest.probes(6).stream()).forEach(o -> {}));
    }
  }
}
