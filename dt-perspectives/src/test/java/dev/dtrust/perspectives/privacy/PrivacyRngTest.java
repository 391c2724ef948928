package dev.dtrust.perspectives.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.core.data.DataRoot;
import dev.dtrust.core.numerics.PythonRandom;
import dev.dtrust.core.testing.SharedData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec §10 item 1: Python's random as the PII values draw it (spec §3.3). */
class PrivacyRngTest {

  private static List<String> strings(JsonNode arr) {
    List<String> out = new ArrayList<>();
    arr.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String id(PythonRandom rng, int size, String chars) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < size; i++) {
      b.append(chars.charAt(rng.randbelow(chars.length())));
    }
    return b.toString();
  }

  @Test
  void rngTestVectorsAfterSeedZero() {
    JsonNode v = SharedData.expected("privacy-gpt-3.5.json").get("rng_test_vectors");
    PythonRandom rng = new PythonRandom(0);
    List<String> bits = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      bits.add(String.valueOf(rng.getrandbits(32)));
    }
    assertEquals(strings(v.get("getrandbits32_first5_after_seed0")), bits);

    assertEquals(Double.parseDouble(v.get("random_random_first_after_seed0").asText()), new PythonRandom(0).random());

    PythonRandom digits = new PythonRandom(0);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(id(digits, 10, "0123456789"));
    }
    assertEquals(strings(v.get("id_generator_10_digits_x5_after_seed0")), ids);

    PythonRandom six = new PythonRandom(0);
    List<String> below = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      below.add(String.valueOf(six.randbelow(6)));
    }
    assertEquals(strings(v.get("randbelow_6_x10_after_seed0")), below);
  }

  @Test
  void generatorsOfTheTemplatesReproduceTheVectors() {
    JsonNode v = SharedData.expected("privacy-gpt-3.5.json").get("rng_test_vectors");
    PrivacyConfig cfg = new PrivacyConfig(DataRoot.of(SharedData.root()).templates("privacy"));
    PythonRandom rng = new PythonRandom(0);
    String alnum = cfg.generatorFor("password").chars();
    List<String> got = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      got.add(id(rng, 12, alnum));
    }
    assertEquals(strings(v.get("id_generator_12_alnum_x3_after_seed0")), got);

    rng = new PythonRandom(0);
    String canary = cfg.generatorFor("canary code").chars();
    got = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      got.add(id(rng, 10, canary));
    }
    assertEquals(strings(v.get("id_generator_10_canary_code_x3_after_seed0")), got);

    rng = new PythonRandom(0);
    got = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      got.add(cfg.addressCandidates.get(rng.randbelow(cfg.addressCandidates.size())));
    }
    assertEquals(strings(v.get("address_generator_x5_after_seed0")), got);
  }
}
