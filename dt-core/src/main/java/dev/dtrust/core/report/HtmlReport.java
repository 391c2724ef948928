package dev.dtrust.core.report;

import dev.dtrust.core.Perspectives;
import dev.dtrust.core.gate.GateResult;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.numerics.PythonFloat;
import dev.dtrust.core.perspective.FailureExample;
import dev.dtrust.core.perspective.Skipped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page (no script, no CDN, no network; a content security
 * policy forbids both) with a radar chart of the eight perspective scores, a table per perspective,
 * failure examples, run statistics and provenance. Every piece of model output and data is
 * escaped. Rendered from the report alone, so re-rendering gives the same bytes.
 */
public final class HtmlReport {
  /** Leaderboard column names, by perspective id. */
  public static final Map<String, String> TITLES = Map.of(
      "toxicity", "Non-toxicity", "stereotype", "Non-stereotype", "advglue", "AdvGLUE", "ood", "OOD",
      "adv_demonstration", "Adversarial demonstrations", "privacy", "Privacy", "machine_ethics", "Machine ethics",
      "fairness", "Fairness");
  private static final int MAX_ROWS = 200;

  private HtmlReport() {}

  /** The page of a report and its gate outcomes. */
  public static String render(TrustReport r, List<GateResult> gates) {
    StringBuilder b = new StringBuilder();
    String title = "dtrust report — " + r.model().id();
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src 'none'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        .append(Html.escape(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    b.append("<h1>").append(Html.escape(title)).append("</h1>\n");
    b.append("<p class=\"overall\">Overall trust score: <strong>").append(num(r.score())).append("</strong>")
        .append(r.complete() ? " (complete)" : " (incomplete)").append("</p>\n");

    List<String> labels = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    for (String id : Perspectives.LEADERBOARD_ORDER) {
      labels.add(TITLES.get(id));
      PerspectiveReport p = r.perspective(id);
      scores.add(p == null ? null : p.score());
    }
    b.append("<section id=\"radar\">").append(RadarChart.svg(labels, scores)).append("</section>\n");

    b.append("<h2>Perspectives</h2>\n<table class=\"summary\">\n<tr><th>Perspective</th><th>Score</th><th>Refusal rate</th>")
        .append("<th>Complete</th><th>Partial score</th><th>Scorer</th><th>Comparable</th></tr>\n");
    for (PerspectiveReport p : r.perspectives().values()) {
      b.append("<tr><td><a href=\"#p-").append(Html.escape(p.perspective())).append("\">")
          .append(Html.escape(TITLES.getOrDefault(p.perspective(), p.perspective()))).append("</a></td><td>")
          .append(num(p.score())).append("</td><td>").append(num(p.refusalRate())).append("</td><td>")
          .append(p.complete() ? "yes" : "no").append("</td><td>").append(num(p.partialScore())).append("</td><td>")
          .append(p.scorer() == null ? "built-in" : Html.escape(p.scorer())).append("</td><td>")
          .append(p.comparable() ? "yes" : "no").append("</td></tr>\n");
    }
    b.append("</table>\n");

    if (!gates.isEmpty()) {
      b.append("<h2>Gates</h2>\n<table class=\"gates\">\n<tr><th>Gate</th><th>Outcome</th><th>Detail</th></tr>\n");
      for (GateResult g : gates) {
        b.append("<tr class=\"").append(g.outcome().name().toLowerCase(java.util.Locale.ROOT)).append("\"><td>")
            .append(Html.escape(g.gate())).append("</td><td>").append(g.outcome()).append("</td><td>")
            .append(Html.escape(g.message())).append("</td></tr>\n");
      }
      b.append("</table>\n");
    }

    for (PerspectiveReport p : r.perspectives().values()) {
      perspective(b, p);
    }

    b.append("<h2>Run</h2>\n<table class=\"kv\">\n");
    RunStats s = r.run();
    kv(b, "planned", s.planned());
    kv(b, "answered", s.answered());
    kv(b, "failed", s.failed());
    kv(b, "cache hits", s.cacheHits());
    kv(b, "requests", s.requests());
    kv(b, "HTTP calls", s.httpCalls());
    kv(b, "retries", s.retries());
    kv(b, "prompt tokens", s.promptTokens());
    kv(b, "completion tokens", s.completionTokens());
    kv(b, "wall time (ms)", s.wallMillis());
    b.append("</table>\n<h2>Provenance</h2>\n<table class=\"kv\">\n");
    kv(b, "model", r.model().id());
    kv(b, "client", r.model().client());
    if (r.model().baseUrl() != null) {
      kv(b, "endpoint", r.model().baseUrl());
    }
    kv(b, "library", "dtrust " + r.provenance().library());
    kv(b, "data root", r.dataset().root());
    kv(b, "data sha256", r.dataset().sha256() + " (" + r.dataset().files() + " files)");
    r.provenance().templates().forEach((k, v) -> kv(b, "templates/" + k + ".json", v));
    for (PerspectiveReport p : r.perspectives().values()) {
      if (p.scorer() != null) {
        kv(b, p.perspective() + " scorer", p.scorer());
      }
    }
    kv(b, "started", r.provenance().startedAt());
    kv(b, "finished", r.provenance().finishedAt());
    b.append("</table>\n</body>\n</html>\n");
    return b.toString();
  }

  private static void perspective(StringBuilder b, PerspectiveReport p) {
    b.append("<section class=\"perspective\" id=\"p-").append(Html.escape(p.perspective())).append("\">\n<h2>")
        .append(Html.escape(TITLES.getOrDefault(p.perspective(), p.perspective()))).append(" <small>(")
        .append(Html.escape(p.perspective())).append(")</small></h2>\n");
    b.append("<p>Score ").append(num(p.score())).append(", refusal rate ").append(num(p.refusalRate()))
        .append(p.complete() ? ", complete" : ", incomplete").append(".</p>\n");
    if (!p.skipped().isEmpty()) {
      b.append("<p>Skipped for absent data:</p>\n<ul>\n");
      for (Skipped s : p.skipped()) {
        b.append("<li>").append(Html.escape(s.scenario())).append(" — missing <code>").append(Html.escape(s.missing()))
            .append("</code></li>\n");
      }
      b.append("</ul>\n");
    }
    b.append("<h3>Metrics</h3>\n");
    table(b, p.metrics());
    b.append("<h3>Scenarios</h3>\n");
    table(b, p.scenarios());
    if (!p.failures().isEmpty()) {
      b.append("<h3>Failure examples</h3>\n");
      for (FailureExample f : p.failures()) {
        b.append("<details class=\"failure\"><summary>").append(Html.escape(f.scenario())).append(" · ")
            .append(Html.escape(f.key())).append("</summary>\n");
        for (ChatMessage m : f.prompt()) {
          b.append("<div class=\"msg\"><span class=\"role\">").append(Html.escape(m.role()))
              .append(m.name() == null ? "" : " (" + Html.escape(m.name()) + ")").append("</span><pre>")
              .append(Html.escape(m.content())).append("</pre></div>\n");
        }
        b.append("<div class=\"msg answer\"><span class=\"role\">answer</span><pre>").append(Html.escape(f.answer()))
            .append("</pre></div>\n</details>\n");
      }
    }
    b.append("</section>\n");
  }

  /** A flat key → value table of a nested map (nested keys joined by " / "). */
  private static void table(StringBuilder b, Map<String, Object> m) {
    List<String[]> rows = new ArrayList<>();
    flatten("", m, rows);
    if (rows.isEmpty()) {
      b.append("<p>—</p>\n");
      return;
    }
    b.append("<table class=\"kv\">\n");
    int shown = 0;
    for (String[] row : rows) {
      if (shown++ == MAX_ROWS) {
        b.append("<tr><td colspan=\"2\">… ").append(rows.size() - MAX_ROWS).append(" more in report.json</td></tr>\n");
        break;
      }
      b.append("<tr><td>").append(Html.escape(row[0])).append("</td><td>").append(Html.escape(row[1])).append("</td></tr>\n");
    }
    b.append("</table>\n");
  }

  private static void flatten(String prefix, Object v, List<String[]> rows) {
    if (v instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        flatten(prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + " / " + e.getKey(), e.getValue(), rows);
      }
    } else if (v instanceof List<?> l && l.stream().anyMatch(x -> x instanceof Map || x instanceof List)) {
      for (int i = 0; i < l.size(); i++) {
        flatten(prefix + " / " + i, l.get(i), rows);
      }
    } else {
      rows.add(new String[] {prefix, value(v)});
    }
  }

  private static String value(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Double d) {
      return PythonFloat.repr(d);
    }
    return String.valueOf(v);
  }

  private static String num(Double d) {
    return d == null ? "—" : Html.escape(PythonFloat.repr(d));
  }

  private static void kv(StringBuilder b, String k, Object v) {
    b.append("<tr><td>").append(Html.escape(k)).append("</td><td>").append(Html.escape(String.valueOf(v))).append("</td></tr>\n");
  }

  private static final String CSS =
      "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}\n"
          + "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}\n"
          + "th{background:#f3f3f3}.overall{font-size:1.3em}pre{white-space:pre-wrap;margin:.2em 0;background:#f8f8f8;padding:.4em}\n"
          + ".radar .ring{fill:none;stroke:#ddd}.radar .axis{stroke:#bbb}.radar .score{fill:rgba(40,110,200,.35);stroke:#286ec8;stroke-width:2}\n"
          + ".radar text{font-size:12px}.role{font-weight:bold;font-size:.85em}.answer pre{background:#fff3f0}\n"
          + "tr.fail td,tr.error td{background:#fde2e0}tr.pass td{background:#e6f6e6}tr.inconclusive td{background:#fff6d5}\n";
}
