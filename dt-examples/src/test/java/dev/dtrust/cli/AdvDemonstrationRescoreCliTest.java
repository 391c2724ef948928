package dev.dtrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.core.report.PerspectiveReport;
import dev.dtrust.core.report.TrustReport;
import dev.dtrust.core.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue acceptance: adv_demonstration's leaderboard numbers through {@code dt rescore}. */
class AdvDemonstrationRescoreCliTest {
  private static final String MODEL = "gpt-3.5-turbo-0301";

  @Test
  @SuppressWarnings("unchecked")
  void rescoreWritesUpstreamsNumbers(@TempDir Path out) throws Exception {
    Path root = SharedData.root();
    CliRunner r = CliRunner.run("rescore", "--perspective", "adv_demonstration", "--generations",
        root.resolve("generations/adv_demonstration").toString(), "--data", root.toString(), "--out", out.toString());
    assertEquals(ExitCode.OK, r.exit, r.toString());
    TrustReport report = TrustReport.read(out.resolve("report.json"));
    PerspectiveReport p = report.perspective("adv_demonstration");
    assertEquals(81.13078054690203, p.score());
    assertEquals(0.7861284181377638, p.refusalRate());
    assertTrue(p.complete());
    assertEquals(0.8113078054690203, p.metrics().get("adv_demonstration"));
    assertEquals(0.007861284181377638, p.metrics().get("adv_demonstration_rej"));

    JsonNode expected = SharedData.expected("adv_demonstration-gpt-3.5.json");
    JsonNode fin = expected.get("final");
    for (String family : new String[] {"counterfactual", "spurious", "backdoor"}) {
      Map<String, Object> got = (Map<String, Object>) p.metrics().get(family);
      fin.get(family).fields().forEachRemaining(
          f -> assertEquals(f.getValue().asDouble(), got.get(f.getKey()), family + "." + f.getKey()));
    }
    Map<String, Object> counts = (Map<String, Object>) p.metrics().get("per_file_counts");
    expected.get("per_file_counts").fields().forEachRemaining(f -> {
      String path = f.getKey();
      int slash = path.lastIndexOf('/');
      String seed = path.substring(slash + 1 + MODEL.length() + 1, path.length() - ".jsonl".length());
      Object got = counts.get(path.substring(0, slash) + "/" + seed);
      if (f.getValue().isNull()) {
        assertEquals(null, got, path);
        return;
      }
      Map<String, Object> c = (Map<String, Object>) got;
      JsonNode e = f.getValue();
      assertEquals(e.get("n").asLong(), ((Number) c.get("n")).longValue(), path);
      assertEquals(e.get("correct").asLong(), ((Number) c.get("correct")).longValue(), path);
      assertEquals(e.get("refusals").asLong(), ((Number) c.get("refusals")).longValue(), path);
      assertEquals(e.get("acc").asDouble(), c.get("acc"), path);
      assertEquals(e.get("rej").asDouble(), c.get("rej"), path);
    });
  }

  @Test
  void aMalformedRecordingExitsTwoNamingFileAndLine(@TempDir Path dir) throws Exception {
    Path rec = dir.resolve("gen/adv_demonstration/counterfactual/snli_premise_cf/" + MODEL + "_42.jsonl");
    Files.createDirectories(rec.getParent());
    Files.writeString(rec, "[[{\"message\": {\"content\": \"Yes\"}}],\n [{\"message\": {\"content\": \"No\"}}\n");
    CliRunner r = rescore(dir);
    assertEquals(ExitCode.BAD_INPUT, r.exit, r.toString());
    assertTrue(r.err.contains(MODEL + "_42.jsonl:"), r.err);
    assertNoReport(dir, r);
  }

  @Test
  void aMissingFieldExitsTwoNamingTheField(@TempDir Path dir) throws Exception {
    Path rec = dir.resolve("gen/adv_demonstration/counterfactual/snli_premise_cf/" + MODEL + "_42.jsonl");
    Files.createDirectories(rec.getParent());
    Files.writeString(rec, "[[{\"message\": {\"content\": \"Yes\"}}],\n [{\"message\": {\"role\": \"assistant\"}}]]\n");
    CliRunner r = rescore(dir);
    assertEquals(ExitCode.BAD_INPUT, r.exit, r.toString());
    assertTrue(r.err.contains(MODEL + "_42.jsonl:2: field \"[1][0].message.content\": missing"), r.err);
    assertNoReport(dir, r);
  }

  @Test
  void aMalformedInputLineExitsTwoNamingFileLineAndField(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    Files.createDirectories(data.resolve("templates"));
    Files.copy(SharedData.file("templates/adv_demonstration.json"), data.resolve("templates/adv_demonstration.json"));
    Path input = data.resolve("adv_demonstration/counterfactual/snli_premise_cf/42.jsonl");
    Files.createDirectories(input.getParent());
    Files.writeString(input, "{\"input\": \"a\", \"label\": \"yes\", \"examples\": []}\n{\"input\": \"b\", \"examples\": []}\n");
    CliRunner r = CliRunner.run("run", "--model", "sim", "--data", data.toString(), "--perspectives", "adv_demonstration",
        "--scenarios", "counterfactual/snli_premise/demo_cf", "--out", dir.resolve("out").toString());
    assertEquals(ExitCode.BAD_INPUT, r.exit, r.toString());
    assertTrue(r.err.contains("42.jsonl:2: field \"label\": missing"), r.err);
    assertNoReport(dir, r);
  }

  private static CliRunner rescore(Path dir) {
    return CliRunner.run("rescore", "--perspective", "adv_demonstration", "--generations", dir.resolve("gen").toString(),
        "--data", SharedData.root().toString(), "--out", dir.resolve("out").toString());
  }

  private static void assertNoReport(Path dir, CliRunner r) {
    assertEquals(1, r.err.strip().lines().filter(l -> l.startsWith("dt:")).count(), r.err);
    assertFalse(r.err.contains("\tat "), "no stack trace: " + r.err);
    assertFalse(Files.exists(dir.resolve("out/report.json")), "no report claims to be complete");
  }
}
