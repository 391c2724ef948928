package dev.dtrust.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report files are written whole or not at all: temp file in the same folder, then a rename. */
class AtomicFilesTest {

  @Test
  void replacesAFileWholeAndLeavesNoTempFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("out/report.json");
    AtomicFiles.write(file, "{\"a\": \"a long first version of the report\"}\n");
    AtomicFiles.write(file, "{}\n");
    assertEquals("{}\n", Files.readString(file), "the shorter second version replaced the first entirely");
    assertEquals(List.of(file), list(file.getParent()), "no temp file is left behind");
  }

  @Test
  void aFailedWriteLeavesTheTargetAsItWasAndNoTempFile(@TempDir Path dir) throws Exception {
    // the rename cannot replace a non-empty folder: the write fails after the temp file was written
    Path target = Files.createDirectories(dir.resolve("report.json"));
    Files.writeString(target.resolve("keep.txt"), "untouched");
    assertThrows(IOException.class, () -> AtomicFiles.write(target, "{\"partial\": true}"));
    assertEquals("untouched", Files.readString(target.resolve("keep.txt")));
    assertEquals(List.of(target), list(dir), "the temp file was removed");
  }

  @Test
  void aReportReplacesAnOlderLongerOneWhole(@TempDir Path dir) throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("report.json"), "x".repeat(1 << 16));
    TrustReport report = SampleReports.mixed();
    report.write(out);
    assertEquals(report.toJson() + "\n", Files.readString(out.resolve("report.json")));
    try (Stream<Path> files = Files.list(out)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp file is left in " + out);
    }
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
