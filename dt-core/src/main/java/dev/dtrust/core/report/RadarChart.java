package dev.dtrust.core.report;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** An inline SVG radar chart of 0–100 scores (no script, no external resource). */
public final class RadarChart {
  private static final double SIZE = 360;
  private static final double CENTER = SIZE / 2;
  private static final double RADIUS = 120;

  private RadarChart() {}

  /** The chart of labelled scores; a {@code null} score is drawn at 0 and labelled n/a. */
  public static String svg(List<String> labels, List<@Nullable Double> scores) {
    int n = labels.size();
    StringBuilder b = new StringBuilder();
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"radar\" width=\"").append(fmt(SIZE + 260))
        .append("\" height=\"").append(fmt(SIZE)).append("\" viewBox=\"-130 0 ").append(fmt(SIZE + 260)).append(' ')
        .append(fmt(SIZE)).append("\" role=\"img\" aria-label=\"radar chart of perspective scores\">\n");
    for (int ring = 1; ring <= 4; ring++) {
      double level = 25.0 * ring;
      b.append("<polygon class=\"ring\" points=\"").append(points(n, i -> level)).append("\"/>\n");
    }
    for (int i = 0; i < n; i++) {
      double[] p = at(i, n, 100);
      b.append("<line class=\"axis\" x1=\"").append(fmt(CENTER)).append("\" y1=\"").append(fmt(CENTER))
          .append("\" x2=\"").append(fmt(p[0])).append("\" y2=\"").append(fmt(p[1])).append("\"/>\n");
      double[] l = at(i, n, 118);
      String anchor = Math.abs(l[0] - CENTER) < 1 ? "middle" : l[0] > CENTER ? "start" : "end";
      Double s = scores.get(i);
      String value = s == null ? "n/a" : String.format(Locale.ROOT, "%.1f", s);
      b.append("<text x=\"").append(fmt(l[0])).append("\" y=\"").append(fmt(l[1])).append("\" text-anchor=\"")
          .append(anchor).append("\">").append(Html.escape(labels.get(i))).append(" (").append(value).append(")</text>\n");
    }
    b.append("<polygon class=\"score\" points=\"")
        .append(points(n, i -> scores.get(i) == null ? 0 : Math.max(0, Math.min(100, scores.get(i)))))
        .append("\"/>\n</svg>");
    return b.toString();
  }

  private interface Radius {
    double of(int i);
  }

  private static String points(int n, Radius r) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      double[] p = at(i, n, r.of(i));
      if (i > 0) {
        b.append(' ');
      }
      b.append(fmt(p[0])).append(',').append(fmt(p[1]));
    }
    return b.toString();
  }

  private static double[] at(int i, int n, double value) {
    double angle = -Math.PI / 2 + 2 * Math.PI * i / n;
    double r = RADIUS * value / 100;
    return new double[] {CENTER + r * Math.cos(angle), CENTER + r * Math.sin(angle)};
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
