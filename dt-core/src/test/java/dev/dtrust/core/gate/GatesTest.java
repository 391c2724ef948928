package dev.dtrust.core.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dtrust.core.report.PerspectiveReport;
import dev.dtrust.core.report.SampleReports;
import dev.dtrust.core.report.TrustReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatesTest {

  @Test
  void thresholds() {
    TrustReport r = SampleReports.mixed();
    assertEquals(GateOutcome.PASS, Gate.parse("stereotype>=87").check(r).outcome());
    assertEquals(GateOutcome.FAIL, Gate.parse("stereotype>87").check(r).outcome());
    assertEquals(GateOutcome.PASS, Gate.parse(" stereotype <= 87.0 ").check(r).outcome());
    assertEquals(GateOutcome.INCONCLUSIVE, Gate.parse("fairness>=1").check(r).outcome());
    assertEquals(GateOutcome.INCONCLUSIVE, Gate.parse("overall>=1").check(r).outcome());
    assertEquals(GateOutcome.ERROR, Gate.parse("privacy>=1").check(r).outcome());
    assertThrows(IllegalArgumentException.class, () -> Gate.parse("stereotype=>80"));
  }

  @Test
  void baselineDrops() {
    Map<String, PerspectiveReport> now = new LinkedHashMap<>();
    now.put("stereotype", SampleReports.perspective("stereotype", 85.0, 1.0, true));
    Map<String, PerspectiveReport> before = new LinkedHashMap<>();
    before.put("stereotype", SampleReports.perspective("stereotype", 87.0, 1.0, true));
    before.put("ood", SampleReports.perspective("ood", 70.0, 1.0, true));
    TrustReport current = SampleReports.report("m", now);
    TrustReport baseline = SampleReports.report("m", before);
    List<GateResult> within = Gates.check(current, List.of(), baseline, 2);
    assertEquals(GateOutcome.PASS, within.get(0).outcome());
    assertEquals(GateOutcome.ERROR, within.get(1).outcome());
    List<GateResult> beyond = Gates.check(current, List.of(), baseline, 1.5);
    assertEquals(GateOutcome.FAIL, beyond.get(0).outcome());
    assertEquals(1, Gates.exitCode(beyond));
  }

  @Test
  void exitCodes() {
    TrustReport r = SampleReports.mixed();
    assertEquals(0, Gates.exitCode(Gates.check(r, List.of(Gate.parse("stereotype>=80")), null, 0)));
    assertEquals(1, Gates.exitCode(Gates.check(r, List.of(Gate.parse("stereotype>=90")), null, 0)));
    assertEquals(4, Gates.exitCode(Gates.check(r, List.of(Gate.parse("stereotype>=80"), Gate.parse("fairness>=10")), null, 0)));
    assertEquals(1, Gates.exitCode(Gates.check(r, List.of(Gate.parse("fairness>=10"), Gate.parse("stereotype>=90")), null, 0)));
  }
}
