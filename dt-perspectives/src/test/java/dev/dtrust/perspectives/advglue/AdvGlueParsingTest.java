package dev.dtrust.perspectives.advglue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.perspectives.advglue.RecordedResults.RecordedTask;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec §10 item 4: the 42 parse vectors × 5 tasks and every stored reply (570 checks). */
class AdvGlueParsingTest {
  private static final List<String> TASKS = List.of("sst2", "qqp", "mnli", "qnli", "rte");

  @Test
  void parseVectors() {
    AdvGlueTemplates t = AdvGlueTemplates.load(AdvGlueFixture.dataRoot().templates(AdvGluePerspective.ID));
    JsonNode rows = AdvGlueFixture.expected().get("parse_vectors").get("rows");
    assertEquals(42, rows.size());
    int n = 0;
    for (JsonNode row : rows) {
      String content = row.get("content").asText();
      for (String task : TASKS) {
        assertEquals(row.get(task).asInt(), YesNoParser.parse(content, t.answers(task)), task + " <" + content + ">");
        n++;
      }
    }
    assertEquals(210, n);
  }

  @Test
  void everyStoredReplyParsesToTheStoredPrediction() {
    AdvGlueTemplates t = AdvGlueTemplates.load(AdvGlueFixture.dataRoot().templates(AdvGluePerspective.ID));
    int n = 0;
    for (String file : AdvGlueFixture.FILES) {
      for (RecordedTask task : RecordedResults.read(AdvGlueFixture.root().resolve(AdvGlueFixture.RESPONDER + "/" + file), file).values()) {
        JsonNode expectedPreds = AdvGlueFixture.expectedFile(file).get("tasks").get(task.task()).get("predictions");
        for (int i = 0; i < task.contents().size(); i++) {
          int parsed = YesNoParser.parse(task.contents().get(i), t.answers(task.task()));
          assertEquals(task.predictions()[i], parsed, file + " " + task.task() + "/" + i + " <" + task.contents().get(i) + ">");
          assertEquals(expectedPreds.get(i).asInt(), parsed);
          n++;
        }
      }
    }
    assertEquals(360, n);
  }

  /** Java pitfalls of spec §4.1: '.' across \r and U+2028 like Python, literal '.' cut, Turkish İ. */
  @Test
  void pythonRegexAndLowercaseSemantics() {
    AdvGlueTemplates t = AdvGlueTemplates.load(AdvGlueFixture.dataRoot().templates(AdvGluePerspective.ID));
    List<AdvGlueTemplates.AnswerWord> sst2 = t.answers("sst2");
    // Python's '.' matches \r, so the quoted span "a\rpositive" is deleted and only negative remains.
    assertEquals(0, YesNoParser.parse("\"a\rpositive\" negative", sst2));
    // '\n' does not match: no quoted span, both words present.
    assertEquals(-1, YesNoParser.parse("\"a\npositive\" negative", sst2));
    assertEquals(-1, YesNoParser.parse("POSİTİVE", sst2));
    assertEquals(1, YesNoParser.parse("positive", sst2));
  }
}
