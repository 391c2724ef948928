package dev.dtrust.core.report;

import dev.dtrust.core.gate.GateResult;
import dev.dtrust.core.numerics.PythonFloat;
import java.util.List;

/** {@code report.md}: a short Markdown summary for CI step summaries and pull-request comments. */
public final class MarkdownReport {
  private MarkdownReport() {}

  /** The summary of a report and its gates. */
  public static String render(TrustReport r, List<GateResult> gates) {
    StringBuilder b = new StringBuilder();
    b.append("## dtrust: ").append(cell(r.model().id())).append("\n\n");
    b.append("Overall trust score: **").append(num(r.score())).append("**")
        .append(r.complete() ? "" : " (incomplete)").append("\n\n");
    b.append("| Perspective | Score | Refusal rate | Complete | Note |\n|---|---:|---:|---|---|\n");
    for (PerspectiveReport p : r.perspectives().values()) {
      String note = p.score() == null && p.partialScore() != null ? "partial " + num(p.partialScore()) : "";
      if (!p.comparable()) {
        note = (note.isEmpty() ? "" : note + "; ") + "not comparable (scorer " + (p.scorer() == null ? "?" : p.scorer()) + ")";
      }
      if (!p.skipped().isEmpty()) {
        note = (note.isEmpty() ? "" : note + "; ") + p.skipped().size() + " scenario(s) skipped";
      }
      b.append("| ").append(cell(HtmlReport.TITLES.getOrDefault(p.perspective(), p.perspective()))).append(" | ")
          .append(num(p.score())).append(" | ").append(num(p.refusalRate())).append(" | ")
          .append(p.complete() ? "yes" : "no").append(" | ").append(cell(note)).append(" |\n");
    }
    if (!gates.isEmpty()) {
      b.append("\n| Gate | Outcome | Detail |\n|---|---|---|\n");
      for (GateResult g : gates) {
        b.append("| ").append(cell(g.gate())).append(" | ").append(g.outcome()).append(" | ").append(cell(g.message())).append(" |\n");
      }
    }
    RunStats s = r.run();
    b.append("\n").append(s.planned()).append(" probes planned, ").append(s.answered()).append(" answered, ")
        .append(s.failed()).append(" failed, ").append(s.cacheHits()).append(" from cache; dtrust ")
        .append(r.provenance().library()).append(".\n");
    return b.toString();
  }

  private static String num(Double d) {
    return d == null ? "—" : PythonFloat.repr(d);
  }

  /** Escapes what would break a Markdown table cell or inject markup. */
  private static String cell(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace("|", "\\|").replace("\n", " ");
  }
}
