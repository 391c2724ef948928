package dev.dtrust.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtrust.core.gate.Gate;
import dev.dtrust.core.gate.GateResult;
import dev.dtrust.core.gate.Gates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

  @Test
  void reportsRenderedFromReportJsonAloneAreByteIdentical(@TempDir Path dir) throws Exception {
    TrustReport r = SampleReports.mixed();
    List<GateResult> gates = Gates.check(r, List.of(Gate.parse("stereotype>=80"), Gate.parse("fairness>=70")), null, 0);
    ReportFiles.write(dir, r, gates);
    String[] names = {"report.json", "report.html", "summary.json", "report.md", "junit.xml", "gates.json"};
    byte[][] before = new byte[names.length][];
    for (int i = 0; i < names.length; i++) {
      before[i] = Files.readAllBytes(dir.resolve(names[i]));
    }
    TrustReport again = ReportFiles.rerender(dir);
    for (int i = 0; i < names.length; i++) {
      assertEquals(new String(before[i]), Files.readString(dir.resolve(names[i])), names[i]);
    }
    assertEquals(r.toJson(), again.toJson());
  }

  @Test
  void htmlEscapesEveryModelTextAndCarriesNoScript() {
    String html = HtmlReport.render(SampleReports.mixed(), List.of());
    assertFalse(html.contains("<script"), "no script element");
    assertFalse(html.contains("<img"), "no img element");
    assertTrue(html.contains("&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;"));
    assertTrue(html.contains("model &lt;i&gt;x&lt;/i&gt;"));
    assertTrue(html.contains("Content-Security-Policy"));
    assertFalse(html.contains("http://") && html.replace("http://www.w3.org/2000/svg", "").contains("http://"), "no network resource");
    assertTrue(html.contains("<svg"), "radar chart");
  }

  @Test
  void summaryJsonHasUpstreamsLayout() throws Exception {
    JsonNode s = new ObjectMapper().readTree(SummaryJson.write(SampleReports.mixed()));
    assertEquals(87.0, s.at("/aggregated_results/stereotype/score/model <i>x<~1i>").asDouble());
    assertEquals(2.3333333333333335, s.at("/aggregated_results/stereotype/rejection_rate/model <i>x<~1i>").asDouble());
    assertTrue(s.at("/breakdown_results/fairness").has("model <i>x</i>"));
    String text = SummaryJson.write(SampleReports.mixed());
    assertTrue(text.startsWith("{\n    \"aggregated_results\": {\n        \"fairness\""), text);
  }

  @Test
  void junitXmlHasOneCasePerGate() {
    TrustReport r = SampleReports.mixed();
    List<GateResult> gates = Gates.check(r, List.of(Gate.parse("stereotype>=90"), Gate.parse("fairness>=70"), Gate.parse("ood>=1")), null, 0);
    String xml = JunitReport.render(r, gates);
    assertTrue(xml.contains("tests=\"3\" failures=\"1\" errors=\"1\" skipped=\"1\""), xml);
    String md = MarkdownReport.render(r, gates);
    assertTrue(md.contains("| Non-stereotype | 87.0 | 2.3333333333333335 | yes |"), md);
    assertTrue(md.contains("| stereotype>=90.0 | FAIL |"), md);
  }
}
