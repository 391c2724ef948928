package dev.dtrust.cli;

import dev.dtrust.core.numerics.PythonFloat;
import dev.dtrust.core.report.PerspectiveReport;
import dev.dtrust.core.report.TrustReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Writes a run's reports into its output folder and prints a short summary. */
final class ReportOutput {
  private static final int SHOWN_SKIPS = 5;

  private ReportOutput() {}

  static void write(TrustReport report, java.util.List<dev.dtrust.core.gate.GateResult> gates, Path outDir, PrintWriter out)
      throws IOException {
    dev.dtrust.core.report.ReportFiles.write(outDir, report, gates);
    Path file = outDir.resolve("report.json");
    for (PerspectiveReport p : report.perspectives().values()) {
      String score = p.score() != null ? PythonFloat.repr(p.score())
          : p.partialScore() != null ? "null (partial " + PythonFloat.repr(p.partialScore()) + ")" : "null";
      String refusal = p.refusalRate() == null ? "-" : PythonFloat.repr(p.refusalRate());
      out.printf("%-18s score %s  refusal %s  %s%n", p.perspective(), score, refusal, p.complete() ? "complete" : "incomplete");
      p.skipped().stream().limit(SHOWN_SKIPS)
          .forEach(s -> out.printf("%-18s   skipped %s (missing %s)%n", "", s.scenario(), s.missing()));
      if (p.skipped().size() > SHOWN_SKIPS) {
        out.printf("%-18s   … %d more skipped (see report.json)%n", "", p.skipped().size() - SHOWN_SKIPS);
      }
    }
    out.printf("overall score %s; %d planned, %d answered, %d failed, %d cache hits%n",
        report.score() == null ? "null" : PythonFloat.repr(report.score()),
        report.run().planned(), report.run().answered(), report.run().failed(), report.run().cacheHits());
    gates.forEach(g -> out.printf("gate %-28s %-12s %s%n", g.gate(), g.outcome(), g.message()));
    out.println("wrote " + file + " (and report.html, summary.json, report.md, junit.xml)");
  }
}
