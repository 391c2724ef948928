package dev.dtrust.core.leaderboard;

import dev.dtrust.core.Perspectives;
import dev.dtrust.core.report.HtmlReport;
import java.util.Locale;

/** {@code leaderboard.md}: the table for READMEs. */
public final class LeaderboardMarkdown {
  private LeaderboardMarkdown() {}

  /** The Markdown table. */
  public static String render(Leaderboard board) {
    StringBuilder b = new StringBuilder("| Rank | Model | Average |");
    StringBuilder rule = new StringBuilder("|---:|---|---:|");
    for (String id : Perspectives.LEADERBOARD_ORDER) {
      b.append(' ').append(HtmlReport.TITLES.get(id)).append(" |");
      rule.append("---:|");
    }
    b.append('\n').append(rule).append('\n');
    for (Row r : board.rows()) {
      b.append("| ").append(r.rank() == 0 ? "—" : String.valueOf(r.rank())).append(" | ").append(cell(r.model())).append(" | ")
          .append(r.average() == null ? "—" : String.format(Locale.ROOT, "%.2f", r.average())).append(" |");
      for (String id : Perspectives.LEADERBOARD_ORDER) {
        Cell c = r.cells().get(id);
        String v = c.score() == null ? "—" : String.format(Locale.ROOT, "%.2f", c.score());
        if ("not-comparable".equals(c.mark())) {
          v += " †";
        } else if ("incomplete".equals(c.mark())) {
          v += " (incomplete)";
        }
        b.append(' ').append(v).append(" |");
      }
      b.append('\n');
    }
    b.append("\n† not comparable with the DecodingTrust leaderboard (other scorer); — no score. Models with either have no average.\n");
    return b.toString();
  }

  private static String cell(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace("|", "\\|");
  }
}
