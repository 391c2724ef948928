package dev.dtrust.core.gate;

import dev.dtrust.core.numerics.PythonFloat;
import dev.dtrust.core.report.PerspectiveReport;
import dev.dtrust.core.report.TrustReport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A threshold on a perspective's 0–100 score (or the overall score): {@code stereotype>=80},
 * {@code overall>70}, {@code toxicity<=95}.
 *
 * @param subject   a perspective id or {@code overall}
 * @param operator  {@code >=}, {@code >}, {@code <=} or {@code <}
 * @param threshold the bound
 */
public record Gate(String subject, String operator, double threshold) {
  private static final Pattern FORM = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_-]*)\\s*(>=|<=|>|<)\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*");

  /** Parses {@code subject op number}; an {@link IllegalArgumentException} says what was expected. */
  public static Gate parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("--gate: expected <perspective>>=<number> (e.g. stereotype>=80), found '" + text + "'");
    }
    return new Gate(m.group(1), m.group(2), Double.parseDouble(m.group(3)));
  }

  /** Checks the gate against a report. */
  public GateResult check(TrustReport report) {
    Double actual;
    if (subject.equals("overall")) {
      actual = report.score();
    } else {
      PerspectiveReport p = report.perspective(subject);
      if (p == null) {
        return new GateResult(toString(), subject, GateOutcome.ERROR, null, subject + " was not evaluated in this run");
      }
      actual = p.score();
    }
    if (actual == null) {
      return new GateResult(toString(), subject, GateOutcome.INCONCLUSIVE, null, subject + " has no score (incomplete)");
    }
    boolean ok = switch (operator) {
      case ">=" -> actual >= threshold;
      case ">" -> actual > threshold;
      case "<=" -> actual <= threshold;
      default -> actual < threshold;
    };
    String msg = subject + " score " + PythonFloat.repr(actual) + (ok ? " meets " : " misses ") + operator + " " + PythonFloat.repr(threshold);
    return new GateResult(toString(), subject, ok ? GateOutcome.PASS : GateOutcome.FAIL, actual, msg);
  }

  /** A gate on the drop of a perspective's score against a baseline report. */
  public static GateResult maxDrop(String subject, @Nullable Double baseline, @Nullable Double current, double maxDrop, boolean present) {
    String name = subject + " max-drop " + PythonFloat.repr(maxDrop);
    if (!present) {
      return new GateResult(name, subject, GateOutcome.ERROR, null, subject + " was not evaluated in this run");
    }
    if (baseline == null || current == null) {
      return new GateResult(name, subject, GateOutcome.INCONCLUSIVE, current,
          subject + " has no score " + (current == null ? "in this run" : "in the baseline"));
    }
    double drop = baseline - current;
    boolean ok = drop <= maxDrop;
    String msg = subject + " " + PythonFloat.repr(baseline) + " → " + PythonFloat.repr(current) + " (drop " + PythonFloat.repr(drop)
        + (ok ? ", within " : ", more than ") + PythonFloat.repr(maxDrop) + ")";
    return new GateResult(name, subject, ok ? GateOutcome.PASS : GateOutcome.FAIL, current, msg);
  }

  @Override
  public String toString() {
    return subject + operator + PythonFloat.repr(threshold);
  }
}
