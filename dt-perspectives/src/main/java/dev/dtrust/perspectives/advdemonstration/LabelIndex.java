package dev.dtrust.perspectives.advdemonstration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.core.data.DataException;
import dev.dtrust.core.data.DataRoot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The derived {@code adv_demonstration/labels_index.json} (spec §9): for every upstream input file
 * the gold labels of all its records in file order, so recordings can be scored when the full
 * inputs are absent. Absent index → empty.
 */
final class LabelIndex {
  static final String FILE = AdvDemonstrationPerspective.ID + "/labels_index.json";

  private final Map<String, List<String>> byFile;

  private LabelIndex(Map<String, List<String>> byFile) {
    this.byFile = byFile;
  }

  /** The index of a data root, or an empty one when the root has none. */
  static LabelIndex of(DataRoot root) {
    if (!root.exists(FILE)) {
      return new LabelIndex(Map.of());
    }
    JsonNode doc = root.json(FILE);
    String name = root.name(FILE);
    JsonNode files = doc.path("files");
    JsonNode sequences = doc.path("sequences");
    if (!files.isObject()) {
      throw new DataException(name, 0, "files", "expected an object of input path -> sequence id");
    }
    if (!sequences.isObject()) {
      throw new DataException(name, 0, "sequences", "expected an object of sequence id -> {option, labels}");
    }
    Map<String, List<String>> seqs = new HashMap<>();
    Map<String, List<String>> out = new HashMap<>();
    for (var it = files.fields(); it.hasNext(); ) {
      var e = it.next();
      if (!e.getValue().isTextual()) {
        throw new DataException(name, 0, "files/" + e.getKey(), "expected a sequence id string");
      }
      String id = e.getValue().asText();
      List<String> labels = seqs.get(id);
      if (labels == null) {
        JsonNode arr = sequences.path(id).path("labels");
        if (!arr.isArray()) {
          throw new DataException(name, 0, "sequences/" + id + "/labels", "missing (referenced by files/" + e.getKey() + ")");
        }
        labels = new ArrayList<>(arr.size());
        for (int i = 0; i < arr.size(); i++) {
          if (!arr.get(i).isTextual()) {
            throw new DataException(name, 0, "sequences/" + id + "/labels/" + i, "expected a string");
          }
          labels.add(arr.get(i).asText());
        }
        labels = List.copyOf(labels);
        seqs.put(id, labels);
      }
      out.put(e.getKey(), labels);
    }
    return new LabelIndex(out);
  }

  /** The labels of an input file (path relative to {@code adv_demonstration/}), or {@code null}. */
  @Nullable List<String> labels(String inputPath) {
    return byFile.get(inputPath);
  }
}
