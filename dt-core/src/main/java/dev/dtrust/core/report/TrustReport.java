package dev.dtrust.core.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of an evaluation: {@code report.json} (DESIGN.md §5).
 *
 * @param schema       {@value #SCHEMA}
 * @param model        the model evaluated
 * @param complete     every selected scenario answered and scored
 * @param score        mean of the perspective scores, when every perspective has one
 * @param perspectives per perspective id, in evaluation order
 * @param dataset      the data read
 * @param provenance   versions, template hashes, times
 * @param run          the run counters
 */
public record TrustReport(
    String schema,
    ModelInfo model,
    boolean complete,
    @Nullable Double score,
    Map<String, PerspectiveReport> perspectives,
    DatasetInfo dataset,
    Provenance provenance,
    RunStats run) {

  /** The report schema id. */
  public static final String SCHEMA = "dtrust-report/1";

  public TrustReport {
    perspectives = Collections.unmodifiableMap(new LinkedHashMap<>(perspectives));
  }

  /** One perspective's section, or {@code null}. */
  public @Nullable PerspectiveReport perspective(String id) {
    return perspectives.get(id);
  }

  /** The report as JSON text (stable key order, doubles in shortest round-trip form). */
  public String toJson() {
    return ReportJson.write(this);
  }

  /** Writes {@code report.json} into a folder, atomically (temp file, then rename). */
  public Path write(Path dir) throws IOException {
    return AtomicFiles.write(dir.resolve("report.json"), toJson() + "\n");
  }

  /** Reads a {@code report.json}. */
  public static TrustReport read(Path file) throws IOException {
    return ReportJson.read(file);
  }
}
