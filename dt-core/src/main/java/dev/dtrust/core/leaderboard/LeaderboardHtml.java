package dev.dtrust.core.leaderboard;

import dev.dtrust.core.Perspectives;
import dev.dtrust.core.json.Sha256;
import dev.dtrust.core.numerics.PythonFloat;
import dev.dtrust.core.report.Html;
import dev.dtrust.core.report.HtmlReport;
import dev.dtrust.core.report.RadarChart;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code leaderboard.html}: one self-contained page (no CDN, no network). Click a column header to
 * sort, click a row to open the model's radar chart and a link to its report; refusal rates and an
 * open/closed-weights filter on demand. Its one inline script is allowed by hash in the content
 * security policy; every model text is escaped.
 */
public final class LeaderboardHtml {
  private LeaderboardHtml() {}

  /** The page. */
  public static String render(Leaderboard board) {
    String script = SCRIPT;
    String hash = Base64.getEncoder().encodeToString(Sha256.digest().digest(script.getBytes(StandardCharsets.UTF_8)));
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-")
        .append(hash).append("'\">\n<title>dtrust leaderboard</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
        .append("<h1>dtrust leaderboard</h1>\n<p class=\"controls\"><label><input type=\"checkbox\" id=\"refusals\"> show refusal rates</label>\n")
        .append("<label>weights <select id=\"weights\"><option value=\"all\">all</option><option value=\"true\">open</option>")
        .append("<option value=\"false\">closed</option></select></label></p>\n");
    b.append("<table id=\"board\">\n<thead><tr><th data-col=\"0\" data-type=\"num\">Rank</th><th data-col=\"1\" data-type=\"text\">Model</th>")
        .append("<th data-col=\"2\" data-type=\"num\">Average</th>");
    int col = 3;
    for (String id : Perspectives.LEADERBOARD_ORDER) {
      b.append("<th data-col=\"").append(col++).append("\" data-type=\"num\">").append(Html.escape(HtmlReport.TITLES.get(id))).append("</th>");
    }
    b.append("<th data-col=\"").append(col).append("\" data-type=\"text\">Provider</th><th data-col=\"").append(col + 1)
        .append("\" data-type=\"text\">Weights</th><th data-col=\"").append(col + 2).append("\" data-type=\"text\">Evaluated</th></tr></thead>\n<tbody>\n");
    int i = 0;
    for (Row r : board.rows()) {
      String open = r.card().openWeights() == null ? "unknown" : r.card().openWeights().toString();
      b.append("<tr class=\"model\" data-row=\"").append(i).append("\" data-open=\"").append(open).append("\">");
      cell(b, r.rank() == 0 ? null : (double) r.rank(), r.rank() == 0 ? "—" : String.valueOf(r.rank()), null);
      b.append("<td data-value=\"").append(Html.escape(r.model())).append("\" class=\"name\">").append(Html.escape(r.model())).append("</td>");
      cell(b, r.average(), num(r.average()), null);
      List<String> labels = new ArrayList<>();
      List<Double> scores = new ArrayList<>();
      for (String id : Perspectives.LEADERBOARD_ORDER) {
        Cell c = r.cells().get(id);
        labels.add(HtmlReport.TITLES.get(id));
        scores.add(c.score());
        String shown = c.score() == null ? "—" : num(c.score());
        if ("not-comparable".equals(c.mark())) {
          shown += " †";
        } else if ("incomplete".equals(c.mark())) {
          shown += c.partial() == null ? " (incomplete)" : " (partial " + num(c.partial()) + ")";
        }
        String title = c.mark() == null ? null : c.mark() + (c.scorer() == null ? "" : ", scorer " + c.scorer());
        b.append("<td data-value=\"").append(c.score() == null ? "" : PythonFloat.repr(c.score())).append("\"")
            .append(c.mark() == null ? "" : " class=\"" + c.mark() + "\" title=\"" + Html.escape(title) + "\"").append(">")
            .append(Html.escape(shown));
        if (c.refusalRate() != null) {
          b.append("<span class=\"refusal\"> refusal ").append(num(c.refusalRate())).append("</span>");
        }
        b.append("</td>");
      }
      text(b, r.card().provider());
      text(b, r.card().openWeights() == null ? null : r.card().openWeights() ? "open" : "closed");
      text(b, r.evaluated());
      b.append("</tr>\n<tr class=\"detail\" data-row=\"").append(i).append("\" hidden><td colspan=\"").append(col + 3).append("\">")
          .append(RadarChart.svg(labels, scores)).append("<p><a href=\"").append(Html.escape(r.report() + "/report.html"))
          .append("\">").append(Html.escape(r.model())).append(": full report</a> · dtrust ").append(Html.escape(r.library()))
          .append(" · data ").append(Html.escape(r.dataSha256().length() > 12 ? r.dataSha256().substring(0, 12) : r.dataSha256()))
          .append(r.card().parameters() == null ? "" : " · " + Html.escape(r.card().parameters()) + " parameters")
          .append("</p></td></tr>\n");
      i++;
    }
    b.append("</tbody>\n</table>\n<p class=\"legend\">† scored with a scorer that is not comparable with the DecodingTrust leaderboard; ")
        .append("— no score (perspective incomplete or not run). Such models have no average.</p>\n");
    if (!board.regressions().isEmpty()) {
      b.append("<h2>Changes between runs</h2>\n<table id=\"regressions\">\n<tr><th>Model</th><th>From</th><th>To</th><th>Moved</th><th>New failure examples</th></tr>\n");
      for (Regression g : board.regressions()) {
        StringBuilder moved = new StringBuilder();
        g.deltas().forEach((p, d) -> {
          if (d != 0) {
            moved.append(moved.length() == 0 ? "" : ", ").append(HtmlReport.TITLES.getOrDefault(p, p)).append(' ')
                .append(d > 0 ? "+" : "").append(String.format(Locale.ROOT, "%.2f", d));
          }
        });
        b.append("<tr><td>").append(Html.escape(g.model())).append("</td><td>").append(Html.escape(g.from())).append("</td><td>")
            .append(Html.escape(g.to())).append("</td><td>").append(Html.escape(moved.length() == 0 ? "no change" : moved.toString()))
            .append("</td><td>").append(g.newFailures().size()).append("</td></tr>\n");
      }
      b.append("</table>\n");
    }
    b.append("<script>").append(script).append("</script>\n</body>\n</html>\n");
    return b.toString();
  }

  private static void cell(StringBuilder b, @Nullable Double value, String shown, @Nullable String cls) {
    b.append("<td data-value=\"").append(value == null ? "" : PythonFloat.repr(value)).append("\"")
        .append(cls == null ? "" : " class=\"" + cls + "\"").append(">").append(Html.escape(shown)).append("</td>");
  }

  private static void text(StringBuilder b, @Nullable String s) {
    b.append("<td data-value=\"").append(s == null ? "" : Html.escape(s)).append("\">").append(s == null ? "—" : Html.escape(s)).append("</td>");
  }

  private static String num(@Nullable Double d) {
    return d == null ? "—" : String.format(Locale.ROOT, "%.2f", d);
  }

  private static final String CSS =
      "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1400px;padding:0 1em;color:#222}\n"
          + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .5em;text-align:right}\n"
          + "td.name{text-align:left;font-weight:bold}th{background:#f3f3f3;cursor:pointer;user-select:none}\n"
          + "th.asc::after{content:' ▲'}th.desc::after{content:' ▼'}tr.model{cursor:pointer}tr.model:hover{background:#f5f9ff}\n"
          + "td.incomplete{color:#999}td.not-comparable{color:#a15c00}td.not-run{color:#bbb}.refusal{display:none;font-size:.8em;color:#666}\n"
          + "body.refusals .refusal{display:block}tr.detail td{text-align:left;background:#fafafa}\n"
          + ".radar .ring{fill:none;stroke:#ddd}.radar .axis{stroke:#bbb}.radar .score{fill:rgba(40,110,200,.35);stroke:#286ec8;stroke-width:2}\n"
          + ".radar text{font-size:12px}.legend{color:#555;font-size:.9em}\n";

  /** Sorting, row details, refusal toggle and weights filter. No network, no eval. */
  private static final String SCRIPT =
      "(function(){\n"
          + "var tbody=document.querySelector('#board tbody');\n"
          + "function pairs(){var out=[];var rows=tbody.querySelectorAll('tr.model');for(var i=0;i<rows.length;i++){"
          + "out.push([rows[i],tbody.querySelector('tr.detail[data-row=\"'+rows[i].getAttribute('data-row')+'\"]')]);}return out;}\n"
          + "var heads=document.querySelectorAll('#board th');\n"
          + "for(var h=0;h<heads.length;h++){heads[h].addEventListener('click',function(ev){\n"
          + "var th=ev.currentTarget;var col=+th.getAttribute('data-col');var num=th.getAttribute('data-type')==='num';\n"
          + "var dir=th.classList.contains('desc')?1:th.classList.contains('asc')?-1:(num&&col!==0?-1:1);\n"
          + "for(var k=0;k<heads.length;k++){heads[k].classList.remove('asc','desc');}th.classList.add(dir>0?'asc':'desc');\n"
          + "var ps=pairs();ps.sort(function(a,b){var x=a[0].children[col].getAttribute('data-value');var y=b[0].children[col].getAttribute('data-value');\n"
          + "if(x===''&&y==='')return 0;if(x==='')return 1;if(y==='')return -1;\n"
          + "if(num){return dir*(parseFloat(x)-parseFloat(y));}return dir*(x<y?-1:x>y?1:0);});\n"
          + "ps.forEach(function(p){tbody.appendChild(p[0]);tbody.appendChild(p[1]);});});}\n"
          + "pairs().forEach(function(p){p[0].addEventListener('click',function(){p[1].hidden=!p[1].hidden;});});\n"
          + "document.getElementById('refusals').addEventListener('change',function(ev){document.body.classList.toggle('refusals',ev.target.checked);});\n"
          + "document.getElementById('weights').addEventListener('change',function(ev){var v=ev.target.value;pairs().forEach(function(p){"
          + "var show=v==='all'||p[0].getAttribute('data-open')===v;p[0].hidden=!show;if(!show)p[1].hidden=true;});});\n"
          + "})();\n";
}
