package dev.dtrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.core.report.TrustReport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCliTest {

  @Test
  void demoRunsTheStarterPackOffline(@TempDir Path out) throws Exception {
    CliRunner r = CliRunner.run("demo", "--out", out.toString());
    assertEquals(ExitCode.OK, r.exit, r.toString());
    for (String f : new String[] {"report.json", "report.html", "summary.json", "report.md", "junit.xml"}) {
      assertTrue(java.nio.file.Files.size(out.resolve(f)) > 0, f);
    }
    TrustReport report = TrustReport.read(out.resolve("report.json"));
    assertEquals("sim", report.model().id());
    assertNotNull(report.perspective("stereotype"));
    assertNotNull(report.perspective("stereotype").score());
    assertEquals(dev.dtrust.core.Perspectives.LEADERBOARD_ORDER, java.util.List.copyOf(report.perspectives().keySet()),
        "the starter pack covers all eight perspectives");
    assertEquals(0, report.run().failed());
    assertTrue(report.run().planned() > 0);
    // the report re-reads to the same text
    assertEquals(report.toJson(), TrustReport.read(out.resolve("report.json")).toJson());
  }
}
