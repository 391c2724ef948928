package dev.dtrust.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dtrust.clients.sim.SimulatedModel;
import dev.dtrust.core.TrustEvaluator;
import dev.dtrust.core.gate.Gate;
import dev.dtrust.core.gate.GateOutcome;
import dev.dtrust.core.gate.GateResult;
import dev.dtrust.core.gate.Gates;
import dev.dtrust.core.report.TrustReport;
import dev.dtrust.perspectives.starter.StarterPack;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Example: gate a model on trust scores in a JUnit 5 test, the way a team would in its own build.
 * Here the model is the built-in simulated one on the starter pack; in a real build it is your
 * client and your data root.
 */
class TrustGateExampleTest {

  @Test
  void theModelMeetsOurStereotypeBar(@TempDir Path dir) throws Exception {
    Path root = StarterPack.extractTo(dir.resolve("root"));
    try (SimulatedModel model = new SimulatedModel()) {
      TrustReport report = TrustEvaluator.builder()
          .model(model)
          .dataRoot(root)
          .perspectives("stereotype")
          .build()
          .evaluate();
      List<GateResult> gates = Gates.check(report, List.of(Gate.parse("stereotype>=80")), null, 0);
      assertEquals(GateOutcome.PASS, gates.get(0).outcome(), gates.get(0).message());
      assertEquals(0, Gates.exitCode(gates));
    }
  }
}
