package dev.dtrust.core.datainit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped skeletons hold no upstream sentence (data-init.md "Notes for the implementer"): every
 * sentence leaf is null, and no skeleton or map string equals or contains (20+ characters) a
 * sentence of the reference templates.
 */
class SkeletonTest {

  @Test
  void everySentenceLeafOfEverySkeletonIsNull() {
    SourceMap map = SourceMap.load();
    int sentences = 0;
    for (String p : SourceMap.PERSPECTIVES) {
      Object doc = TemplateBuilder.skeleton(p);
      for (List<String> leaf : JsonPaths.leaves(doc)) {
        MapEntry owner = TemplateBuilder.owner(map.entries(p), leaf);
        assertTrue(owner != null, () -> p + " " + JsonPaths.pointer(leaf) + " is not covered by the map");
        if ("sentence".equals(TemplateBuilder.classOf(owner, leaf))) {
          assertEquals(null, JsonPaths.get(doc, leaf), p + " " + JsonPaths.pointer(leaf));
          sentences++;
        }
      }
    }
    assertEquals(330, sentences); // data-init.md "Counts at 161ae83"
  }

  @Test
  void noSkeletonOrMapTextContainsAReferenceSentence() throws Exception {
    // the shared data root (DT_DATA_ROOT, resolved like every fidelity test's; CI sets it)
    String root = dev.dtrust.core.testing.SharedData.root().toString();
    ObjectMapper om = new ObjectMapper();
    String mapText;
    try (InputStream in = SourceMap.class.getResourceAsStream("template-sources.json")) {
      mapText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> found = new ArrayList<>();
    for (String p : SourceMap.PERSPECTIVES) {
      Object shipped = om.readValue(Path.of(root, "templates", p + ".json").toFile(), Object.class);
      Object skeleton = TemplateBuilder.skeleton(p);
      List<String> skeletonStrings = new ArrayList<>();
      for (List<String> leaf : JsonPaths.leaves(skeleton)) {
        if (JsonPaths.get(skeleton, leaf) instanceof String s) {
          skeletonStrings.add(s);
        }
      }
      for (List<String> leaf : JsonPaths.leaves(skeleton)) {
        if (JsonPaths.get(skeleton, leaf) != null || !(JsonPaths.get(shipped, leaf) instanceof String sentence)
            || sentence.length() < 20) { // short sentence leaves (answer words such as "no") are also fact labels
          continue;
        }
        for (String s : skeletonStrings) {
          if (s.contains(sentence)) {
            found.add(p + " skeleton holds " + JsonPaths.pointer(leaf));
          }
        }
        if (mapText.contains(om.writeValueAsString(sentence).replaceAll("^\"|\"$", ""))) {
          found.add(p + " map holds " + JsonPaths.pointer(leaf));
        }
      }
    }
    assertTrue(found.isEmpty(), () -> String.join("\n", found));
  }
}
