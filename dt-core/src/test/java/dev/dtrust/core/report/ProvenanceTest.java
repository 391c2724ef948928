package dev.dtrust.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvenanceTest {
  @Test
  void templateHashesAreKeptInIdOrderWhateverTheInputOrder() {
    List<String> ids = List.of("toxicity", "stereotype", "advglue", "ood", "adv_demonstration", "privacy",
        "machine_ethics", "fairness");
    Map<String, String> hashes = new HashMap<>();
    ids.forEach(id -> hashes.put(id, "h-" + id));
    Provenance p = new Provenance("0", hashes, "a", "b");
    assertEquals(ids.stream().sorted().toList(), List.copyOf(p.templates().keySet()));
  }
}
