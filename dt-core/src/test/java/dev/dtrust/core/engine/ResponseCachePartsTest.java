package dev.dtrust.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.core.model.ChatResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent writers (Spark task attempts) each append to their own file; readers see the union. */
class ResponseCachePartsTest {

  @Test
  void writersAppendToTheirOwnFileAndReadTheUnion(@TempDir Path dir) throws Exception {
    try (ResponseCache shared = ResponseCache.open(dir)) {
      shared.put("k0", ChatResponse.ofTexts(List.of("zero")));
    }
    try (ResponseCache a = ResponseCache.openPart(dir, "a"); ResponseCache b = ResponseCache.openPart(dir, "b")) {
      assertNotNull(a.get("k0"));
      a.put("k1", ChatResponse.ofTexts(List.of("one")));
      b.put("k2", ChatResponse.ofTexts(List.of("two")));
      assertNull(a.get("k2"), "a writer reads the others' files when it opens, not later");
    }
    assertEquals(1, lines(dir.resolve("parts/a/responses.jsonl")));
    assertEquals(1, lines(dir.resolve("parts/b/responses.jsonl")));
    try (ResponseCache c = ResponseCache.openPart(dir, "c")) {
      assertEquals(3, c.size());
    }
    try (ResponseCache whole = ResponseCache.open(dir)) {
      assertEquals(3, whole.size());
      assertEquals("two", whole.get("k2").choices().get(0).text());
    }
  }

  @Test
  void aTornLineInAnotherWritersFileIsSkippedAndLeftAlone(@TempDir Path dir) throws Exception {
    try (ResponseCache a = ResponseCache.openPart(dir, "a")) {
      a.put("k1", ChatResponse.ofTexts(List.of("one")));
    }
    Path aFile = dir.resolve("parts/a/responses.jsonl");
    Files.writeString(aFile, "{\"key\":\"k2\",\"cho", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    long before = Files.size(aFile);
    try (ResponseCache b = ResponseCache.openPart(dir, "b")) {
      assertEquals(1, b.size());
    }
    assertEquals(before, Files.size(aFile), "only a file's own writer truncates it");
  }

  @Test
  void aWriterNameIsOnePathSegment(@TempDir Path dir) {
    assertThrows(IllegalArgumentException.class, () -> ResponseCache.openPart(dir, "../x"));
    assertTrue(Files.notExists(dir.resolve("x")));
  }

  private static long lines(Path f) throws Exception {
    return Files.readAllLines(f).size();
  }
}
