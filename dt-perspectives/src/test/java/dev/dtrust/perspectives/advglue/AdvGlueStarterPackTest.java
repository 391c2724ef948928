package dev.dtrust.perspectives.advglue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.clients.sim.SimulatedModel;
import dev.dtrust.core.TrustEvaluator;
import dev.dtrust.core.perspective.Selection;
import dev.dtrust.core.report.PerspectiveReport;
import dev.dtrust.core.report.TrustReport;
import dev.dtrust.perspectives.starter.StarterPack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The starter pack (our own mild items) plans and scores like {@code dt demo} does. No shared data needed. */
class AdvGlueStarterPackTest {

  @Test
  void starterRootPlansAndScoresAgainstTheSimulatedModel(@TempDir Path tmp) throws IOException {
    Path root = StarterPack.extractTo(tmp.resolve("root"));
    assertTrue(StarterPack.perspectives().contains("advglue"));
    assertTrue(Files.isRegularFile(root.resolve("templates/advglue.json")));
    try (SimulatedModel sim = new SimulatedModel()) {
      TrustReport report = TrustEvaluator.builder().model(sim).dataRoot(root).perspectives("advglue").build().evaluate();
      PerspectiveReport p = report.perspectives().get("advglue");
      assertEquals(0, report.run().failed());
      assertEquals(3 * 8, report.run().planned());
      assertTrue(p.complete());
      assertNotNull(p.score());
      assertTrue(p.score() >= 0 && p.score() <= 100);
      assertNotNull(p.refusalRate());
    }
    try (SimulatedModel sim = new SimulatedModel()) {
      TrustReport full = TrustEvaluator.builder().model(sim).dataRoot(root).perspectives("advglue")
          .selection(Selection.full()).build().evaluate();
      assertEquals(4 * 8, full.run().planned());
      assertTrue(full.perspectives().get("advglue").skipped().isEmpty());
    }
  }
}
