package dev.dtrust.perspectives.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.core.TrustEvaluator;
import dev.dtrust.core.data.DataException;
import dev.dtrust.core.perspective.Selection;
import dev.dtrust.core.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad data names file, line and field; nothing claims to be complete. */
class FairnessBadDataTest {
  private static final String PROMPTS = "fairness/fairness_data/adult_0_200_test_base_rate_0.0.jsonl";
  private static final String SENSITIVE = "fairness/fairness_data/sensitive_attr_adult_0_200_test_base_rate_0.0.npy";

  /** A root with the shared templates and npy, and the given zero_shot_br_0.0 prompt file. */
  private static Path root(Path dir, String prompts) throws Exception {
    Path shared = SharedData.root();
    Files.createDirectories(dir.resolve("templates"));
    Files.copy(shared.resolve("templates/fairness.json"), dir.resolve("templates/fairness.json"));
    Files.createDirectories(dir.resolve(PROMPTS).getParent());
    Files.copy(shared.resolve(SENSITIVE), dir.resolve(SENSITIVE));
    Files.writeString(dir.resolve(PROMPTS), prompts, StandardCharsets.UTF_8);
    return dir;
  }

  private static DataException plan(Path root) {
    return assertThrows(DataException.class, () -> TrustEvaluator.builder().dataRoot(root).perspectives("fairness")
        .selection(Selection.of(List.of("zero_shot_br_0.0"))).build().plan());
  }

  @Test
  void malformedLineNamesFileAndLine(@TempDir Path dir) throws Exception {
    DataException e = plan(root(dir, "{\"input\": \"a\", \"label\": \"yes\", \"examples\": []}\n{\"input\": \n"));
    assertTrue(e.file().endsWith(PROMPTS), e.file());
    assertEquals(2, e.line());
  }

  @Test
  void missingFieldNamesIt(@TempDir Path dir) throws Exception {
    DataException e = plan(root(dir, "{\"input\": \"a\", \"examples\": []}"));
    assertEquals(1, e.line());
    assertEquals("label", e.field());
  }

  @Test
  void badDemonstrationNamesIt(@TempDir Path dir) throws Exception {
    DataException e = plan(root(dir, "{\"input\": \"a\", \"label\": \"yes\", \"examples\": [[\"t\"]]}"));
    assertEquals("examples[0]", e.field());
  }

  @Test
  void missingTemplatesNameTheFile(@TempDir Path dir) throws Exception {
    root(dir, "{\"input\": \"a\", \"label\": \"yes\", \"examples\": []}");
    Files.delete(dir.resolve("templates/fairness.json"));
    DataException e = plan(dir);
    assertTrue(e.file().endsWith("templates/fairness.json"), e.file());
  }

  @Test
  void missingTemplateTextNamesThePointer(@TempDir Path dir) throws Exception {
    root(dir, "{\"input\": \"a\", \"label\": \"yes\", \"examples\": []}");
    Path t = dir.resolve("templates/fairness.json");
    Files.writeString(t, Files.readString(t).replace("\"zero_shot\": \"You are", "\"zero_shot_x\": \"You are"));
    DataException e = plan(dir);
    assertTrue(e.getMessage().contains("system_prompts"), e.getMessage());
  }

  @Test
  void recordingThatDiffersFromTheInputNamesTheRecord(@TempDir Path dir) throws Exception {
    String line = "{\"input\": \"a\", \"label\": \"yes\", \"examples\": []}";
    root(dir, line);
    Path gen = Files.createDirectories(dir.resolve("generations/fairness"));
    Files.writeString(gen.resolve("m_adult_0_200.jsonl"),
        "[[[{\"role\": \"system\", \"content\": \"other\"}], {\"choices\": [{\"message\": {\"content\": \"Yes\"}}]}]]");
    DataException e = assertThrows(DataException.class, () -> TrustEvaluator.builder().dataRoot(dir)
        .perspectives("fairness").generations(dir.resolve("generations")).build().rescore());
    assertTrue(e.file().endsWith("m_adult_0_200.jsonl"), e.file());
    assertEquals("[0][0]", e.field());
  }

  @Test
  void recordingWithoutContentNamesTheField(@TempDir Path dir) throws Exception {
    root(dir, "{\"input\": \"a\", \"label\": \"yes\", \"examples\": []}");
    Path gen = Files.createDirectories(dir.resolve("generations/fairness"));
    Files.writeString(gen.resolve("m_adult_0_200.jsonl"), "[[[{\"role\": \"user\", \"content\": \"x\"}], {\"choices\": []}]]");
    DataException e = assertThrows(DataException.class, () -> TrustEvaluator.builder().dataRoot(dir)
        .perspectives("fairness").generations(dir.resolve("generations")).build().rescore());
    assertEquals("[0][1].choices[0].message.content", e.field());
  }

  @Test
  void recordingsOfSeveralModelsNeedAChoice(@TempDir Path dir) throws Exception {
    root(dir, "{\"input\": \"a\", \"label\": \"yes\", \"examples\": []}");
    Path gen = Files.createDirectories(dir.resolve("generations/fairness"));
    Files.writeString(gen.resolve("a_adult_0_200.jsonl"), "[]");
    Files.writeString(gen.resolve("b_adult_0_200.jsonl"), "[]");
    DataException e = assertThrows(DataException.class, () -> TrustEvaluator.builder().dataRoot(dir)
        .perspectives("fairness").generations(dir.resolve("generations")).build().rescore());
    assertTrue(e.getMessage().contains("fairness.model"), e.getMessage());
    var report = TrustEvaluator.builder().dataRoot(dir).perspectives("fairness").option("fairness.model", "a")
        .generations(dir.resolve("generations")).build().rescore();
    assertEquals(false, report.perspective("fairness").complete());
    assertEquals(null, report.perspective("fairness").partialScore()); // 0 answers < 200: nothing scored
  }
}
