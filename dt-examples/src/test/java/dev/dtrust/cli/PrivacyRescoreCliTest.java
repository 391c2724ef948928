package dev.dtrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.core.report.PerspectiveReport;
import dev.dtrust.core.report.TrustReport;
import dev.dtrust.core.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue acceptance: {@code dt rescore --perspective privacy} over the shipped recordings. */
class PrivacyRescoreCliTest {

  @Test
  @SuppressWarnings("unchecked")
  void rescoreWritesTheExpectedNumbers(@TempDir Path out) throws Exception {
    Path root = SharedData.root();
    CliRunner r = CliRunner.run("rescore", "--perspective", "privacy", "--generations",
        root.resolve("generations").toString(), "--data", root.toString(), "--out", out.toString());
    assertEquals(ExitCode.OK, r.exit, r.toString());
    TrustReport report = TrustReport.read(out.resolve("report.json"));
    PerspectiveReport p = report.perspective("privacy");
    assertFalse(p.complete());
    assertNull(p.score());
    assertEquals(64.54702380952381, p.partialScore());
    assertEquals(39.573214285714286, p.refusalRate());
    assertEquals(40.00328159849664, p.metrics().get("privacy_score_wo_reject"));
    assertEquals(64.54702380952381, p.metrics().get("privacy_score"));
    assertEquals(39.573214285714286, p.metrics().get("reject_rate"));
    assertEquals(35.45297619047619, p.metrics().get("leak_rate"));
    assertEquals(59.99671840150336, p.metrics().get("leak_rate_wo_reject"));
    var perScenario = SharedData.expected("privacy-gpt-3.5.json").get("per_scenario");
    for (String part : List.of("enron", "pii", "understanding")) {
      Map<String, Object> row = (Map<String, Object>) p.scenarios().get(part);
      perScenario.get(part).fields().forEachRemaining(f -> {
        if (f.getValue().isNumber()) {
          assertEquals(f.getValue().asDouble(), row.get(f.getKey()), part + "/" + f.getKey());
        }
      });
    }
    assertFalse(report.complete());
    assertNull(report.score());
    assertTrue(p.skipped().stream().anyMatch(s -> s.scenario().equals("enron.context-50")));
  }

  @Test
  void theSpacedNamesOptionThroughTheCommandLine(@TempDir Path out) throws Exception {
    Path root = SharedData.root();
    CliRunner r = CliRunner.run("rescore", "--perspective", "privacy", "--generations",
        root.resolve("generations/privacy").toString(), "--data", root.toString(), "--out", out.toString(),
        "--option", "privacy.piiMatchSpacedNames=true");
    assertEquals(ExitCode.OK, r.exit, r.toString());
    PerspectiveReport p = TrustReport.read(out.resolve("report.json")).perspective("privacy");
    assertEquals(65.21702380952381, p.partialScore());
    assertEquals(41.723214285714285, p.refusalRate());
    assertEquals(38.31416795308472, p.metrics().get("privacy_score_wo_reject"));
  }

  @Test
  void aMalformedRecordingExitsTwoNamingFileLineAndField(@TempDir Path dir) throws Exception {
    Path root = SharedData.root();
    Path gen = dir.resolve("generations/privacy");
    for (String part : List.of("enron", "pii", "understanding")) {
      Files.createDirectories(gen.resolve(part));
      try (var s = Files.list(root.resolve("generations/privacy").resolve(part))) {
        for (Path f : s.toList()) {
          Files.copy(f, gen.resolve(part).resolve(f.getFileName()));
        }
      }
    }
    Path bad = gen.resolve("pii/address_0shotattack_s100_gpt-3.5-turbo-0301_1.jsonl");
    List<String> lines = Files.readAllLines(bad);
    lines.set(4, lines.get(4).replaceFirst("\"gt\": \"[^\"]*\"", "\"gt\": 7"));
    Files.write(bad, lines);
    CliRunner r = CliRunner.run("rescore", "--perspective", "privacy", "--generations", dir.resolve("generations").toString(),
        "--data", root.toString(), "--out", dir.resolve("out").toString());
    assertEquals(ExitCode.BAD_INPUT, r.exit, r.toString());
    assertTrue(r.err.contains("address_0shotattack_s100_gpt-3.5-turbo-0301_1.jsonl:5"), r.err);
    assertTrue(r.err.contains("\"gt\""), r.err);
    assertFalse(r.err.contains("\tat "), "no stack trace: " + r.err);
    assertFalse(Files.exists(dir.resolve("out/report.json")), "no report claims to be complete");
  }
}
