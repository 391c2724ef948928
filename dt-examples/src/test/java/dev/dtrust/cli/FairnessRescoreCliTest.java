package dev.dtrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.core.report.PerspectiveReport;
import dev.dtrust.core.report.TrustReport;
import dev.dtrust.core.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17 acceptance: {@code dt rescore --perspective fairness} over the shipped recordings. */
class FairnessRescoreCliTest {

  private static PerspectiveReport rescore(String generations, Path out) throws Exception {
    Path root = SharedData.root();
    int code = Dt.execute("rescore", "--perspective", "fairness", "--generations", generations,
        "--data", root.toString(), "--out", out.toString());
    assertEquals(ExitCode.OK, code);
    TrustReport report = TrustReport.read(out.resolve("report.json"));
    assertFalse(report.complete());
    assertNull(report.score());
    PerspectiveReport p = report.perspective("fairness");
    assertNotNull(p);
    return p;
  }

  @Test
  void rescoreWritesTheExpectedNumbers(@TempDir Path out) throws Exception {
    JsonNode expected = SharedData.expected("fairness-gpt-3.5.json");
    PerspectiveReport p = rescore(SharedData.root().resolve("generations").toString(), out);
    assertFalse(p.complete());
    assertNull(p.score());
    assertEquals(80.44600645631573, p.partialScore());
    assertEquals(0.6666666666666672, p.refusalRate());
    JsonNode fs = expected.get("final_scores");
    assertEquals(fs.get("rejection rate").asDouble(), p.metrics().get("rejection rate"));
    assertEquals(0.006666666666666672, p.metrics().get("rejection rate"));
    assertEquals(fs.get("averaged accuracy").asDouble(), p.metrics().get("averaged accuracy"));
    assertEquals(fs.get("averaged demographic parity difference").asDouble(), p.metrics().get("averaged demographic parity difference"));
    assertEquals(fs.get("averaged equalized odds difference").asDouble(), p.metrics().get("averaged equalized odds difference"));
    assertEquals(80.44600645631573, p.metrics().get("fairness score"));
    assertEquals(83.5563365614912, p.metrics().get("fairness score (new)"));
    for (String id : new String[] {"zero_shot_br_0.0", "few_shot_16_fair_demon", "few_shot_32_fair_demon"}) {
      @SuppressWarnings("unchecked")
      Map<String, Object> s = (Map<String, Object>) p.scenarios().get(id);
      JsonNode e = fs.get(id + ".json");
      for (String k : new String[] {"accuracy", "demographic parity difference", "equalized odds difference", "rejection rate"}) {
        assertEquals(e.get(k).asDouble(), s.get(k), id + " " + k);
      }
    }
    // ties: 2, both 1, with RandomState(0)'s first two draws
    assertEquals(2, ((Number) p.metrics().get("tie count")).intValue());
    List<?> ties = (List<?>) p.metrics().get("ties");
    assertEquals(2, ties.size());
    for (int i = 0; i < 2; i++) {
      Map<?, ?> t = (Map<?, ?>) ties.get(i);
      assertEquals(expected.get("ties").get(i).get("uniform_draw").asDouble(), t.get("uniform_draw"));
      assertEquals(1, ((Number) t.get("prediction")).intValue());
      assertEquals(expected.get("ties").get(i).get("index").asInt(), ((Number) t.get("index")).intValue());
    }
    // the four tie outcomes
    List<?> sens = (List<?>) p.metrics().get("tie_sensitivity");
    assertEquals(4, sens.size());
    for (int k = 0; k < 4; k++) {
      assertEquals(expected.get("tie_sensitivity").get(k).get("fairness score").asDouble(),
          ((Map<?, ?>) sens.get(k)).get("fairness score"));
    }
    assertEquals(80.44937345968273, ((Map<?, ?>) sens.get(0)).get("fairness score"));
    assertEquals(80.1126731229824, ((Map<?, ?>) sens.get(1)).get("fairness score"));
    assertEquals(80.78270679301608, ((Map<?, ?>) sens.get(2)).get("fairness score"));
    assertEquals(80.44600645631573, ((Map<?, ?>) sens.get(3)).get("fairness score"));
  }

  @Test
  void thePerspectivesOwnFolderWorksToo(@TempDir Path out) throws Exception {
    PerspectiveReport p = rescore(SharedData.root().resolve("generations/fairness").toString(), out);
    assertEquals(80.44600645631573, p.partialScore());
    assertEquals(0.6666666666666672, p.refusalRate());
  }

  @Test
  void badDataExitsTwoNamingFileLineAndFieldWithNoReport(@TempDir Path dir) throws Exception {
    Path shared = SharedData.root();
    String prompts = "fairness/fairness_data/adult_0_200_test_base_rate_0.0.jsonl";
    Files.createDirectories(dir.resolve("data/templates"));
    Files.copy(shared.resolve("templates/fairness.json"), dir.resolve("data/templates/fairness.json"));
    Files.createDirectories(dir.resolve("data/" + prompts).getParent());
    Files.writeString(dir.resolve("data/" + prompts), "{\"input\": \"a\", \"label\": \"yes\", \"examples\": []}\n{\"input\": \"b\", \"examples\": []}\n");
    Path gen = Files.createDirectories(dir.resolve("gen/fairness"));
    Files.copy(shared.resolve("generations/fairness/gpt-3.5-turbo-0301_adult_0_200.jsonl"), gen.resolve("gpt-3.5-turbo-0301_adult_0_200.jsonl"));
    CliRunner r = CliRunner.run("rescore", "--perspective", "fairness", "--generations", dir.resolve("gen").toString(),
        "--data", dir.resolve("data").toString(), "--out", dir.resolve("out").toString());
    assertEquals(ExitCode.BAD_INPUT, r.exit, r.toString());
    assertTrue(r.err.contains(prompts + ":2:"), r.err);
    assertTrue(r.err.contains("\"label\""), r.err);
    assertFalse(r.err.contains("\tat "), "no stack trace: " + r.err);
    assertFalse(Files.exists(dir.resolve("out/report.json")), "no report claims to be complete");
  }
}
