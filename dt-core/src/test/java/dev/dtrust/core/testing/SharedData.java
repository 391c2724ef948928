package dev.dtrust.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared DecodingTrust data root for fidelity tests, from the {@code DT_DATA_ROOT}
 * environment variable (absolute, or relative to the working folder or the repository root).
 * Tests skip with a clear message when it is not configured; {@code .ci/run} configures it.
 */
public final class SharedData {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SharedData() {}

  /** The data root; skips the calling test when {@code DT_DATA_ROOT} is not set or not found. */
  public static Path root() {
    Path p = find();
    assumeTrue(
        p != null,
        "DT_DATA_ROOT is not set or not found: set it to ../shared/decodingtrust to run fidelity tests");
    return p;
  }

  /** Whether the data root is configured. */
  public static boolean available() {
    return find() != null;
  }

  private static Path find() {
    String v = System.getenv("DT_DATA_ROOT");
    if (v == null || v.isBlank()) {
      return null;
    }
    Path p = Path.of(v);
    if (p.isAbsolute()) {
      return Files.isDirectory(p) ? p : null;
    }
    Path[] bases = {
      Path.of("").toAbsolutePath(),
      Path.of(System.getProperty("dt.repo.root", ".")).toAbsolutePath(),
      Path.of("").toAbsolutePath().getParent()
    };
    for (Path base : bases) {
      if (base != null && Files.isDirectory(base.resolve(v))) {
        return base.resolve(v).normalize();
      }
    }
    return null;
  }

  /** A file under the data root. */
  public static Path file(String relative) {
    return root().resolve(relative);
  }

  /** Parses {@code expected/<name>} (only tests read expected values). */
  public static JsonNode expected(String name) {
    try {
      return MAPPER.readTree(file("expected/" + name).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
