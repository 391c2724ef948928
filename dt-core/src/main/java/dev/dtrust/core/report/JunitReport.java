package dev.dtrust.core.report;

import dev.dtrust.core.gate.GateOutcome;
import dev.dtrust.core.gate.GateResult;
import java.util.List;

/**
 * {@code junit.xml}: one test case per gate (or, with no gates, one per perspective that passes
 * when it has a score), so CI servers show trust results natively.
 */
public final class JunitReport {
  private JunitReport() {}

  /** The JUnit XML of a report and its gates. */
  public static String render(TrustReport r, List<GateResult> gates) {
    StringBuilder cases = new StringBuilder();
    int failures = 0;
    int errors = 0;
    int skipped = 0;
    int tests = 0;
    if (gates.isEmpty()) {
      for (PerspectiveReport p : r.perspectives().values()) {
        tests++;
        cases.append("  <testcase classname=\"dtrust.").append(x(p.perspective())).append("\" name=\"score\">");
        if (p.score() == null) {
          skipped++;
          cases.append("<skipped message=\"no score (incomplete)\"/>");
        }
        cases.append("</testcase>\n");
      }
    } else {
      for (GateResult g : gates) {
        tests++;
        cases.append("  <testcase classname=\"dtrust.").append(x(g.subject())).append("\" name=\"").append(x(g.gate())).append("\">");
        if (g.outcome() == GateOutcome.FAIL) {
          failures++;
          cases.append("<failure message=\"").append(x(g.message())).append("\"/>");
        } else if (g.outcome() == GateOutcome.ERROR) {
          errors++;
          cases.append("<error message=\"").append(x(g.message())).append("\"/>");
        } else if (g.outcome() == GateOutcome.INCONCLUSIVE) {
          skipped++;
          cases.append("<skipped message=\"").append(x(g.message())).append("\"/>");
        }
        cases.append("</testcase>\n");
      }
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"dtrust " + x(r.model().id()) + "\" tests=\"" + tests
        + "\" failures=\"" + failures + "\" errors=\"" + errors + "\" skipped=\"" + skipped + "\">\n" + cases + "</testsuite>\n";
  }

  private static String x(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            b.append(' ');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
