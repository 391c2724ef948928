package dev.dtrust.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtrust.core.gate.GateOutcome;
import dev.dtrust.core.gate.GateResult;
import dev.dtrust.core.json.JsonWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes every report of a run into a folder — {@code report.json}, {@code report.html}, {@code
 * summary.json}, {@code report.md}, {@code junit.xml} and, when gates were checked, {@code
 * gates.json} — each atomically. {@link #rerender} writes them again from {@code report.json} (and
 * {@code gates.json}) alone, byte for byte the same.
 */
public final class ReportFiles {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ReportFiles() {}

  /** Writes all reports; returns the folder. */
  public static Path write(Path dir, TrustReport report, List<GateResult> gates) throws IOException {
    report.write(dir);
    if (!gates.isEmpty()) {
      List<Object> list = new ArrayList<>();
      for (GateResult g : gates) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gate", g.gate());
        m.put("subject", g.subject());
        m.put("outcome", g.outcome().name());
        m.put("actual", g.actual());
        m.put("message", g.message());
        list.add(m);
      }
      AtomicFiles.write(dir.resolve("gates.json"), JsonWriter.pretty().write(list) + "\n");
    } else {
      Files.deleteIfExists(dir.resolve("gates.json"));
    }
    renderDerived(dir, report, gates);
    return dir;
  }

  /** Re-renders every report in a folder from its {@code report.json} and {@code gates.json}. */
  public static TrustReport rerender(Path dir) throws IOException {
    TrustReport report = TrustReport.read(dir.resolve("report.json"));
    List<GateResult> gates = readGates(dir);
    renderDerived(dir, report, gates);
    return report;
  }

  /** The gates of a folder's {@code gates.json}, or none. */
  public static List<GateResult> readGates(Path dir) throws IOException {
    Path f = dir.resolve("gates.json");
    List<GateResult> gates = new ArrayList<>();
    if (Files.exists(f)) {
      for (JsonNode g : MAPPER.readTree(f.toFile())) {
        JsonNode a = g.get("actual");
        gates.add(new GateResult(g.path("gate").asText(), g.path("subject").asText(),
            GateOutcome.valueOf(g.path("outcome").asText()), a == null || a.isNull() ? null : a.asDouble(), g.path("message").asText()));
      }
    }
    return gates;
  }

  private static void renderDerived(Path dir, TrustReport report, List<GateResult> gates) throws IOException {
    AtomicFiles.write(dir.resolve("report.html"), HtmlReport.render(report, gates));
    AtomicFiles.write(dir.resolve("summary.json"), SummaryJson.write(report) + "\n");
    AtomicFiles.write(dir.resolve("report.md"), MarkdownReport.render(report, gates));
    AtomicFiles.write(dir.resolve("junit.xml"), JunitReport.render(report, gates));
  }
}
