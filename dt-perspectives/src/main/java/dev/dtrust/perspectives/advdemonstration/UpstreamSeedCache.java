package dev.dtrust.perspectives.advdemonstration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtrust.core.data.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Spec quirk 5 as an option: upstream caches each seed's {@code [acc, rej]} in {@code
 * <results>/<model>_{counterfactual,spurious,backdoor}.json} and reuses it on later runs instead of
 * re-reading the recording. With option {@code upstreamResultsCache=<folder>} those cached values
 * win over the recordings, as upstream's {@code read_tmp} does; by default everything is recomputed.
 */
final class UpstreamSeedCache {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private UpstreamSeedCache() {}

  /** Per-seed values by upstream key ({@code main_verb_cf/42}); absent files contribute nothing. */
  static Map<String, double[]> read(Path folder, String model) {
    Map<String, double[]> out = new HashMap<>();
    String m = model.replace("/", "_");
    for (String family : List.of("counterfactual", "spurious", "backdoor")) {
      Path file = folder.resolve(m + "_" + family + ".json");
      if (!Files.isRegularFile(file)) {
        continue;
      }
      JsonNode doc;
      try {
        doc = MAPPER.readTree(file.toFile());
      } catch (JsonProcessingException e) {
        long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        throw new DataException(file.toString(), line, null, "malformed JSON: " + e.getOriginalMessage(), e);
      } catch (IOException e) {
        throw new DataException(file.toString(), 0, null, "cannot read: " + e.getMessage(), e);
      }
      if (!doc.isObject()) {
        // upstream's read_tmp ignores a cache that is not a dict
        continue;
      }
      for (var it = doc.fields(); it.hasNext(); ) {
        var e = it.next();
        JsonNode v = e.getValue();
        if (!e.getKey().contains("/")) {
          continue; // a configuration mean, recomputed anyway
        }
        if (!v.isArray() || v.size() != 2 || !v.get(0).isNumber() || !v.get(1).isNumber()) {
          throw new DataException(file.toString(), 0, e.getKey(), "expected [acc, rej], found " + v);
        }
        out.put(e.getKey(), new double[] {v.get(0).asDouble(), v.get(1).asDouble()});
      }
    }
    return out;
  }
}
