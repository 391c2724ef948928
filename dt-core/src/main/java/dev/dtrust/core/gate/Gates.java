package dev.dtrust.core.gate;

import dev.dtrust.core.report.PerspectiveReport;
import dev.dtrust.core.report.TrustReport;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Trust gates for CI: thresholds, and a maximum drop against a stored baseline report. Exit
 * codes (DESIGN.md §6): any FAIL or ERROR → 1, else any INCONCLUSIVE → 4, else 0.
 */
public final class Gates {
  private Gates() {}

  /**
   * Checks thresholds and, when a baseline is given, every perspective of the baseline for a drop
   * of more than {@code maxDrop} points.
   */
  public static List<GateResult> check(TrustReport report, List<Gate> gates, @Nullable TrustReport baseline, double maxDrop) {
    List<GateResult> out = new ArrayList<>();
    for (Gate g : gates) {
      out.add(g.check(report));
    }
    if (baseline != null) {
      for (PerspectiveReport b : baseline.perspectives().values()) {
        PerspectiveReport now = report.perspective(b.perspective());
        out.add(Gate.maxDrop(b.perspective(), b.score(), now == null ? null : now.score(), maxDrop, now != null));
      }
    }
    return out;
  }

  /** The exit code of a set of outcomes: 1 on FAIL/ERROR, else 4 on INCONCLUSIVE, else 0. */
  public static int exitCode(List<GateResult> results) {
    if (results.stream().anyMatch(r -> r.outcome() == GateOutcome.FAIL || r.outcome() == GateOutcome.ERROR)) {
      return 1;
    }
    if (results.stream().anyMatch(r -> r.outcome() == GateOutcome.INCONCLUSIVE)) {
      return 4;
    }
    return 0;
  }
}
