package dev.dtrust.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataRootTest {

  @Test
  void aMissingFileIsNamed(@TempDir Path dir) {
    DataException e = assertThrows(DataException.class, () -> DataRoot.of(dir).require("stereotype/x.jsonl"));
    assertTrue(e.getMessage().endsWith("stereotype/x.jsonl: missing file"), e.getMessage());
  }

  @Test
  void aMalformedJsonLineIsNamedWithItsLine(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("p"));
    Files.writeString(dir.resolve("p/a.jsonl"), "{\"a\":1}\n\n{\"a\":2\n");
    DataException e = assertThrows(DataException.class, () -> {
      try (var s = DataRoot.of(dir).jsonLines("p/a.jsonl")) {
        s.forEach(l -> { });
      }
    });
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("p/a.jsonl:3: malformed JSON"), e.getMessage());
  }

  @Test
  void aMissingFieldIsNamedWithFileLineAndField(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.jsonl"), "{\"label\":\"yes\"}\n");
    DataException e = assertThrows(DataException.class, () -> {
      try (var s = DataRoot.of(dir).jsonLines("a.jsonl")) {
        s.forEach(l -> l.integer("label"));
      }
    });
    assertTrue(e.getMessage().endsWith("a.jsonl:1: field \"label\": expected an integer, found \"yes\""), e.getMessage());
  }

  @Test
  void aTemplateLeafThatIsMissingIsNamedByPointer(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("templates/x.json"), "{\"a\":{\"b\":1}}");
    DataException e = assertThrows(DataException.class, () -> DataRoot.of(dir).templates("x").text("/a/c"));
    assertTrue(e.getMessage().endsWith("templates/x.json: field \"/a/c\": missing"), e.getMessage());
  }

  @Test
  void csvHandlesQuotesAndEmbeddedLineBreaks() throws Exception {
    try (CsvReader r = new CsvReader(new java.io.StringReader("a,b\n\"x,\"\"y\"\"\nz\",2\n"), "t.csv")) {
      assertEquals(java.util.List.of("a", "b"), r.next().fields());
      CsvReader.Row row = r.next();
      assertEquals(java.util.List.of("x,\"y\"\nz", "2"), row.fields());
      assertEquals(2, row.line());
      assertEquals(null, r.next());
    }
    CsvReader broken = new CsvReader(new java.io.StringReader("a\n\"open"), "t.csv");
    broken.next();
    DataException e = assertThrows(DataException.class, broken::next);
    assertEquals(2, e.line());
  }
}
