package dev.dtrust.perspectives.fairness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.core.data.DataRoot;
import dev.dtrust.core.data.JsonLines;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One record of a fairness prompt file (spec §2): the test description, its gold label, and the
 * demonstrations placed before it (empty for zero-shot and crime), all verbatim.
 *
 * @param index    0-based position in the file (pairs with element {@code index} of the npy)
 * @param input    the test description, never whitespace-normalised
 * @param label    the gold label as written ({@code yes}/{@code no}, {@code High}/{@code Low})
 * @param examples the demonstrations, in file order
 */
public record FairnessRecord(int index, String input, String label, List<Demonstration> examples) {

  /** One demonstration: its text and its label as written. */
  public record Demonstration(String text, String label) {}

  public FairnessRecord {
    examples = List.copyOf(examples);
  }

  /** Reads every record of a prompt file, in file order; bad lines name file, line and field. */
  public static List<FairnessRecord> readAll(DataRoot root, String promptFile) {
    List<FairnessRecord> out = new ArrayList<>();
    try (Stream<JsonLines.Line> lines = root.jsonLines(promptFile)) {
      lines.forEachOrdered(line -> out.add(of(out.size(), line)));
    }
    return out;
  }

  /** Parses one JSON Lines record. */
  public static FairnessRecord of(int index, JsonLines.Line line) {
    String input = line.text("input");
    String label = line.text("label");
    JsonNode ex = line.get("examples");
    if (!ex.isArray()) {
      throw line.error("examples", "expected an array of [text, label] pairs, found " + ex.getNodeType());
    }
    List<Demonstration> demos = new ArrayList<>(ex.size());
    for (int k = 0; k < ex.size(); k++) {
      JsonNode pair = ex.get(k);
      if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual() || !pair.get(1).isTextual()) {
        throw line.error("examples[" + k + "]", "expected a [text, label] pair of strings, found " + pair);
      }
      demos.add(new Demonstration(pair.get(0).asText(), pair.get(1).asText()));
    }
    return new FairnessRecord(index, input, label, demos);
  }
}
