package dev.dtrust.core.datainit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtrust.core.data.DataException;
import dev.dtrust.core.json.CanonicalJson;
import dev.dtrust.core.json.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drift is caught, not guessed: a tiny fake checkout and map written for this test. */
class TemplateBuilderDriftTest {

  private static String sha(Object v) {
    return Sha256.hex(CanonicalJson.write(v));
  }

  private static SourceMap map() throws Exception {
    String json = "{\"upstream_commit\": \"x\", \"demo\": {"
        + "\"/greeting\": {\"class\": \"sentence\", \"kind\": \"python-literal\", \"file\": \"m.py\","
        + " \"symbol\": \"main::GREETING\", \"extractable\": true, \"sha256\": \"" + sha("Hello there") + "\"},"
        + "\"/n\": {\"class\": \"fact\", \"kind\": \"yaml\", \"file\": \"c.yaml\", \"symbol\": \"n\","
        + " \"extractable\": true, \"sha256\": \"" + sha(25) + "\"},"
        + "\"/note\": {\"class\": \"ours\", \"kind\": \"authored\", \"file\": null, \"symbol\": null,"
        + " \"extractable\": false, \"sha256\": \"" + sha("ours") + "\"}}}";
    return SourceMap.parse(new ObjectMapper().readTree(json));
  }

  private static Object skeleton(String perspective) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("greeting", null);
    m.put("n", 0);
    m.put("note", "ours");
    return m;
  }

  private static Path checkout(Path dir, String greeting) throws Exception {
    Files.writeString(dir.resolve("m.py"), "def main():\n    GREETING = '" + greeting + "'\n");
    Files.writeString(dir.resolve("c.yaml"), "n: 25\n");
    return dir;
  }

  @Test
  void matchingValuesFillTheSkeleton(@TempDir Path dir) throws Exception {
    TemplateBuilder b = new TemplateBuilder(new Checkout(checkout(dir, "Hello there")), map(), false, false,
        TemplateBuilderDriftTest::skeleton);
    Object doc = b.build("demo").document();
    assertEquals(Map.of("greeting", "Hello there", "n", 25L, "note", "ours"), doc);
  }

  @Test
  void aChangedValueIsAnErrorNamingPointerFileAndSymbol(@TempDir Path dir) throws Exception {
    TemplateBuilder b = new TemplateBuilder(new Checkout(checkout(dir, "Hi")), map(), false, false,
        TemplateBuilderDriftTest::skeleton);
    DriftException e = assertThrows(DriftException.class, () -> b.build("demo"));
    assertEquals(1, e.drifts().size());
    Drift d = e.drifts().get(0);
    assertEquals(List.of("demo", "/greeting", "m.py", "main::GREETING"),
        List.of(d.perspective(), d.pointer(), d.file(), d.symbol()));
    assertTrue(e.getMessage().contains("demo /greeting: m.py :: main::GREETING"), e.getMessage());
  }

  @Test
  void allowDriftWritesTheNewValueAndListsIt(@TempDir Path dir) throws Exception {
    TemplateBuilder b = new TemplateBuilder(new Checkout(checkout(dir, "Hi")), map(), true, false,
        TemplateBuilderDriftTest::skeleton);
    TemplateBuilder.Result r = b.build("demo");
    assertEquals("Hi", ((Map<?, ?>) r.document()).get("greeting"));
    assertEquals(List.of("/greeting"), r.drifts().stream().map(Drift::pointer).toList());
  }

  @Test
  void aMissingSymbolNamesFileAndPointer(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("m.py"), "def main():\n    OTHER = 1\n");
    Files.writeString(dir.resolve("c.yaml"), "n: 25\n");
    TemplateBuilder b = new TemplateBuilder(new Checkout(dir), map(), false, false,
        TemplateBuilderDriftTest::skeleton);
    DataException e = assertThrows(DataException.class, () -> b.build("demo"));
    assertEquals("/greeting", e.field());
    assertTrue(e.file().startsWith("m.py"), e.file());
  }
}
