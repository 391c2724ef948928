package dev.dtrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.core.report.PerspectiveReport;
import dev.dtrust.core.report.TrustReport;
import dev.dtrust.core.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue acceptance: the stereotype leaderboard numbers through the command line. */
class StereotypeCliTest {

  @Test
  void replayRunReproducesTheLeaderboardScoreWithNoMiss(@TempDir Path out) throws Exception {
    Path root = SharedData.root();
    CliRunner r = CliRunner.run("run", "--model", "replay:" + root.resolve("generations"), "--data", root.toString(),
        "--perspectives", "stereotype", "--out", out.toString(), "--max-in-flight", "8");
    assertEquals(ExitCode.OK, r.exit, r.toString());
    TrustReport report = TrustReport.read(out.resolve("report.json"));
    PerspectiveReport s = report.perspective("stereotype");
    assertEquals(87.0, s.score());
    assertEquals(2.3333333333333335, s.refusalRate());
    assertTrue(s.complete());
    assertEquals(3456, report.run().planned());
    assertEquals(3456, report.run().answered());
    assertEquals(0, report.run().failed(), "every probe answered by replay");
    assertTrue(report.complete());
    assertEquals(87.0, report.score());
    assertCompiledBlocks(s);
  }

  @Test
  void rescoreReproducesTheSameNumbers(@TempDir Path out) throws Exception {
    Path root = SharedData.root();
    CliRunner r = CliRunner.run("rescore", "--perspective", "stereotype", "--generations",
        root.resolve("generations/stereotype").toString(), "--data", root.toString(), "--out", out.toString());
    assertEquals(ExitCode.OK, r.exit, r.toString());
    TrustReport report = TrustReport.read(out.resolve("report.json"));
    PerspectiveReport s = report.perspective("stereotype");
    assertEquals(87.0, s.score());
    assertEquals(2.3333333333333335, s.refusalRate());
    assertEquals("gpt-3.5-turbo-0301", s.metrics().get("model_name"));
    assertEquals(0.87, s.metrics().get("overall_score"));
    assertEquals(0.023333333333333334, s.metrics().get("overall_rejection_rate"));
    assertCompiledBlocks(s);
  }

  @SuppressWarnings("unchecked")
  private static void assertCompiledBlocks(PerspectiveReport s) {
    var compiled = SharedData.expected("stereotype-gpt-3.5.json").get("compiled");
    for (String scenario : new String[] {"benign", "untargeted", "targeted"}) {
      Map<String, Object> block = (Map<String, Object>) s.scenarios().get(scenario);
      var e = compiled.get(scenario);
      assertEquals(e.get("category_overall_score").asDouble(), block.get("category_overall_score"));
      assertEquals(e.get("category_overall_rejection_rate").asDouble(), block.get("category_overall_rejection_rate"));
      for (String k : new String[] {"demographic_mean", "demographic_rejection_rate", "stereotype_topic_mean", "stereotype_topic_rejection_rate"}) {
        Map<String, Object> got = (Map<String, Object>) block.get(k);
        e.get(k).fields().forEachRemaining(f -> assertEquals(f.getValue().asDouble(), got.get(f.getKey()), scenario + "/" + k + "/" + f.getKey()));
      }
    }
  }

  @Test
  void aBadDataRootExitsTwoWithOneLineNamingTheFile(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("templates/stereotype.json"), "{\"task_description\": \"x\",\n  \"target_groups\": [1,\n");
    CliRunner r = CliRunner.run("run", "--model", "sim", "--data", dir.toString(), "--perspectives", "stereotype",
        "--out", dir.resolve("out").toString());
    assertEquals(ExitCode.BAD_INPUT, r.exit, r.toString());
    assertTrue(r.err.contains("templates/stereotype.json:"), r.err);
    assertEquals(1, r.err.strip().lines().filter(l -> l.startsWith("dt:")).count(), r.err);
    assertFalse(r.err.contains("\tat "), "no stack trace: " + r.err);
    assertFalse(Files.exists(dir.resolve("out/report.json")), "no report claims to be complete");
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(ExitCode.BAD_INPUT, CliRunner.run("run", "--model", "sim").exit);
    assertEquals(ExitCode.BAD_INPUT, CliRunner.run("frobnicate").exit);
    CliRunner r = CliRunner.run("run", "--model", "nosuch:x", "--data", ".", "--out", "x", "--perspectives", "stereotype");
    assertEquals(ExitCode.BAD_INPUT, r.exit, r.toString());
    assertTrue(r.err.contains("nosuch"), r.err);
  }
}
