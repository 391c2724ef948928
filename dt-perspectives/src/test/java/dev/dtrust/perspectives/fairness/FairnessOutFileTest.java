package dev.dtrust.perspectives.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dtrust.core.TrustEvaluator;
import dev.dtrust.core.data.DataRoot;
import dev.dtrust.core.perspective.Selection;
import dev.dtrust.core.report.PerspectiveReport;
import dev.dtrust.core.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upstream's own out files ({@code <id>.json}, spec §5) rescore like the recordings; Q7: last line wins. */
class FairnessOutFileTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void outFileWithTwoLinesUsesTheLastOne(@TempDir Path dir) throws Exception {
    Path root = SharedData.root();
    FairnessScenario s = FairnessScenario.byId("zero_shot_br_0.0").orElseThrow();
    List<FairnessRecordings.Exchange> ex =
        FairnessRecordings.readRecording(root.resolve("generations/fairness/gpt-3.5-turbo-0301_adult_0_200.jsonl"));
    List<FairnessRecord> records = FairnessRecord.readAll(DataRoot.of(root), s.promptFile());
    ObjectNode full = outFile(ex, records, ex.size());
    ObjectNode truncated = outFile(ex, records, 150);
    Path gen = Files.createDirectories(dir.resolve("fairness"));
    // Upstream appends; the aggregator keeps the last line (score_calculation_script.py:63-67).
    Files.writeString(gen.resolve("zero_shot_br_0.0.json"),
        MAPPER.writeValueAsString(truncated) + "\n" + MAPPER.writeValueAsString(full) + "\n");
    PerspectiveReport p = TrustEvaluator.builder().dataRoot(root).perspectives("fairness")
        .selection(Selection.of(List.of("zero_shot_br_0.0"))).generations(dir).build().rescore().perspective("fairness");
    @SuppressWarnings("unchecked")
    Map<String, Object> z = (Map<String, Object>) p.scenarios().get("zero_shot_br_0.0");
    assertEquals(0.635, z.get("accuracy"));
    assertEquals(0.17, z.get("demographic parity difference"));
    assertEquals(0.2, z.get("equalized odds difference"));
    assertEquals(0.0, z.get("rejection rate"));
    assertEquals(83.0, p.partialScore());

    // Only the truncated line: fewer than 200 responses, so not scored (Q7).
    Files.writeString(gen.resolve("zero_shot_br_0.0.json"), MAPPER.writeValueAsString(truncated));
    PerspectiveReport q = TrustEvaluator.builder().dataRoot(root).perspectives("fairness")
        .selection(Selection.of(List.of("zero_shot_br_0.0"))).generations(dir).build().rescore().perspective("fairness");
    @SuppressWarnings("unchecked")
    Map<String, Object> zq = (Map<String, Object>) q.scenarios().get("zero_shot_br_0.0");
    assertEquals(false, zq.get("scored"));
    assertEquals(null, q.partialScore());
    assertEquals(false, q.complete());
  }

  private static ObjectNode outFile(List<FairnessRecordings.Exchange> ex, List<FairnessRecord> records, int n) {
    ObjectNode o = MAPPER.createObjectNode();
    ArrayNode req = o.putArray("requests");
    ArrayNode resp = o.putArray("responses");
    ArrayNode labels = o.putArray("labels");
    for (int i = 0; i < n; i++) {
      ArrayNode msgs = req.addArray();
      ex.get(i).messages().forEach(m -> {
        ObjectNode mo = msgs.addObject().put("role", m.role());
        if (m.name() != null) {
          mo.put("name", m.name());
        }
        mo.put("content", m.content());
      });
      resp.addObject().putArray("choices").addObject().putObject("message").put("role", "assistant")
          .put("content", ex.get(i).answer());
      labels.add(records.get(i).label());
    }
    o.putObject("scores").put("accuracy", 0.0);
    return o;
  }
}
