package dev.dtrust.perspectives.advglue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.core.data.DataRoot;
import dev.dtrust.core.testing.SharedData;
import java.nio.file.Path;

/** The shared synthetic AdvGLUE++ fixture (spec §9): paths and expected values. */
final class AdvGlueFixture {
  static final String RESPONDER = "generations/advglue/synthetic/responder-a";
  static final String GLUE_STAND_IN = "adv-glue-plus-plus/data/glue-validation-synthetic.json";
  static final String[] FILES = {
    "glue-benign-demo.json", "alpaca-demo.json", "vicuna-demo.json", "stable-vicuna-demo.json"
  };
  static final String[] SCENARIOS = {"benign", "adv-alpaca", "adv-vicuna", "adv-stable-vicuna"};

  private AdvGlueFixture() {}

  static Path root() {
    return SharedData.root();
  }

  static DataRoot dataRoot() {
    return DataRoot.of(root());
  }

  static JsonNode expected() {
    return SharedData.expected("advglue-synthetic.json");
  }

  static JsonNode expectedFile(String file) {
    return expected().get("files").get(RESPONDER + "/" + file);
  }
}
