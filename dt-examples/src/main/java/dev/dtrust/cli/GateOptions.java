package dev.dtrust.cli;

import dev.dtrust.core.gate.Gate;
import dev.dtrust.core.gate.GateResult;
import dev.dtrust.core.gate.Gates;
import dev.dtrust.core.report.TrustReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The trust-gate options shared by {@code run} and {@code rescore}. */
final class GateOptions {
  @Option(names = "--gate", description = "fail unless a score meets a bound, e.g. stereotype>=80 or overall>70 (repeatable)")
  List<String> gates;

  @Option(names = "--baseline", description = "a baseline report.json to compare against")
  Path baseline;

  @Option(names = "--max-drop", defaultValue = "0", description = "with --baseline: most points a perspective may drop (default 0)")
  double maxDrop;

  List<GateResult> check(TrustReport report) throws IOException {
    List<Gate> parsed = new ArrayList<>();
    if (gates != null) {
      for (String g : gates) {
        parsed.add(Gate.parse(g));
      }
    }
    TrustReport base = baseline == null ? null : TrustReport.read(baseline);
    return Gates.check(report, parsed, base, maxDrop);
  }
}
