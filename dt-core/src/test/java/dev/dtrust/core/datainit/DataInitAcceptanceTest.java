package dev.dtrust.core.datainit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * data-init.md "Acceptance check": on a clone of upstream at 161ae83 (with history), every produced
 * templates file equals the shipped one (key order compared, numbers as values).
 * Enable with {@code DT_UPSTREAM_CHECKOUT=<clone>} and {@code DT_DATA_ROOT=<data root>}.
 */
class DataInitAcceptanceTest {

  @Test
  void templatesFromUpstreamCheckoutEqualTheShippedOnes(@TempDir Path out) throws Exception {
    String checkout = System.getenv("DT_UPSTREAM_CHECKOUT");
    String root = System.getenv("DT_DATA_ROOT");
    assumeTrue(checkout != null && !checkout.isBlank(),
        "skipped: set DT_UPSTREAM_CHECKOUT to a git clone of AI-secure/DecodingTrust at "
            + "161ae8321ced62f45fcd9ceb412e05b47c603cd4 with history (e.g. git clone "
            + "https://github.com/AI-secure/DecodingTrust && git -C DecodingTrust checkout 161ae83) to run it");
    assumeTrue(root != null && Files.isDirectory(Path.of(root, "templates")),
        "skipped: set DT_DATA_ROOT to the reference data root with templates/");
    DataInit.Summary s = DataInit.run(new DataInit.Options(Path.of(checkout), out, false, false, false, false));
    assertEquals(8, s.templates().size());
    assertTrue(s.drifts().isEmpty(), () -> "drifts: " + s.drifts());
    ObjectMapper om = new ObjectMapper();
    List<String> diffs = new ArrayList<>();
    for (String p : SourceMap.PERSPECTIVES) {
      JsonNode produced = om.readTree(out.resolve("templates/" + p + ".json").toFile());
      JsonNode shipped = om.readTree(Path.of(root, "templates", p + ".json").toFile());
      compare(p, "", shipped, produced, diffs);
    }
    assertTrue(diffs.isEmpty(), () -> diffs.size() + " differences:\n" + String.join("\n", diffs));
  }

  /** Deep equality with object key order compared and numbers compared as values. */
  static void compare(String p, String at, JsonNode want, JsonNode got, List<String> diffs) {
    if (want.isNumber() && got.isNumber()) {
      if (want.decimalValue().compareTo(got.decimalValue()) != 0) {
        diffs.add(p + at + ": " + want + " != " + got);
      }
    } else if (want.isObject() && got.isObject()) {
      List<String> wk = new ArrayList<>();
      List<String> gk = new ArrayList<>();
      want.fieldNames().forEachRemaining(wk::add);
      got.fieldNames().forEachRemaining(gk::add);
      if (!wk.equals(gk)) {
        diffs.add(p + at + ": keys " + wk + " != " + gk);
        return;
      }
      for (Iterator<String> it = want.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        compare(p, at + "/" + k, want.get(k), got.get(k), diffs);
      }
    } else if (want.isArray() && got.isArray()) {
      if (want.size() != got.size()) {
        diffs.add(p + at + ": array size " + want.size() + " != " + got.size());
        return;
      }
      for (int i = 0; i < want.size(); i++) {
        compare(p, at + "/" + i, want.get(i), got.get(i), diffs);
      }
    } else if (!want.equals(got)) {
      String w = want.toString();
      String g = got.toString();
      diffs.add(p + at + ": " + w.substring(0, Math.min(120, w.length())) + " != "
          + g.substring(0, Math.min(120, g.length())));
    }
  }
}
