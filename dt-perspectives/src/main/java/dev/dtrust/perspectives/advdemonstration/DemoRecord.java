package dev.dtrust.perspectives.advdemonstration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.core.data.JsonLines;
import java.util.ArrayList;
import java.util.List;

/**
 * One input record (spec §1): the test input, its gold label and the pre-sampled demonstrations
 * ({@code [text, label]} pairs, file order).
 *
 * @param input    the test input, verbatim
 * @param label    the gold label
 * @param examples the demonstrations
 * @param line     the 1-based line in its file
 */
record DemoRecord(String input, String label, List<Demo> examples, long line) {

  /** One demonstration. */
  record Demo(String text, String label) {}

  DemoRecord {
    examples = List.copyOf(examples);
  }

  /** Reads a record; a missing or mistyped field is a DataException naming file, line and field. */
  static DemoRecord parse(JsonLines.Line line) {
    String input = line.text("input");
    String label = line.text("label");
    JsonNode ex = line.get("examples");
    if (!ex.isArray()) {
      throw line.error("examples", "expected an array of [text, label] pairs, found " + ex.getNodeType());
    }
    List<Demo> demos = new ArrayList<>(ex.size());
    for (int i = 0; i < ex.size(); i++) {
      JsonNode pair = ex.get(i);
      if (!pair.isArray() || pair.size() < 2 || !pair.get(0).isTextual() || !pair.get(1).isTextual()) {
        throw line.error("examples[" + i + "]", "expected a [text, label] pair of strings, found " + pair);
      }
      demos.add(new Demo(pair.get(0).asText(), pair.get(1).asText()));
    }
    return new DemoRecord(input, label, demos, line.number());
  }
}
