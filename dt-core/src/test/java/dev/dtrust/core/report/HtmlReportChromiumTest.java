package dev.dtrust.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens report.html in headless Chromium (Debian's {@code chromium}, which {@code .ci/run}
 * installs): the page renders, and model output with script and event-handler payloads becomes
 * text, never elements.
 */
class HtmlReportChromiumTest {

  static Path chromium() {
    for (String c : new String[] {System.getenv("CHROME_BIN"), "/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
      if (c != null && Files.isExecutable(Path.of(c))) {
        return Path.of(c);
      }
    }
    if ("true".equals(System.getenv("CI"))) {
      fail("CI must install Debian's chromium (see .ci/run)");
    }
    assumeTrue(false, "chromium is not installed: apt-get install chromium to run this test");
    return null;
  }

  static String run(Path chromium, Path profile, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish");
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  @Test
  void payloadsInModelOutputRunNothing(@TempDir Path dir) throws Exception {
    Path chromium = chromium();
    ReportFiles.write(dir, SampleReports.mixed(), List.of());
    Path html = dir.resolve("report.html");
    String dom = run(chromium, dir.resolve("profile"), "--dump-dom", html.toUri().toString());
    assertTrue(dom.contains("Overall trust score"), "the page rendered: " + dom.length() + " chars");
    assertFalse(dom.contains("<script"), "no script element in the live DOM");
    assertFalse(dom.contains("<img"), "no img element in the live DOM");
    assertFalse(dom.contains("PWNED</title>") || dom.contains("PWNED2</title>"), "the title was not rewritten");
    assertTrue(dom.contains("&lt;script&gt;document.title='PWNED'&lt;/script&gt;"), "the payload is shown as text");
    assertTrue(dom.contains("<svg"), "the radar chart is inline SVG");

    Path png = dir.resolve("report.png");
    run(chromium, dir.resolve("profile2"), "--screenshot=" + png, "--window-size=1200,1600", html.toUri().toString());
    assertTrue(Files.size(png) > 10_000, "a screenshot was taken");
    byte[] head = Files.readAllBytes(png);
    assertEquals((byte) 0x89, head[0]);
    assertEquals((byte) 'P', head[1]);
  }
}
