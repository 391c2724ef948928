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
    CliRunner typo = CliRunner.run("run", "--model", "sim", "--data", ".", "--out", "x", "--perspectives", "stereotype",
        "--scenarios", "benign,targetted");
    assertEquals(ExitCode.BAD_INPUT, typo.exit, typo.toString());
    assertTrue(typo.err.contains("unknown scenario 'targetted'"), typo.err);
    assertEquals(ExitCode.BAD_INPUT, CliRunner.run("run", "--model", "sim", "--data", ".", "--out", "x", "--gate", "stereotype=>3").exit);
  }

  private static java.util.List<String> topics() {
    java.util.List<String> out = new java.util.ArrayList<>();
    SharedData.expected("stereotype-gpt-3.5.json").path("compiled").path("benign").path("stereotype_topic_mean")
        .fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void brokenRecordingsExitTwoNamingFileAndLine(@TempDir Path dir) throws Exception {
    Path root = SharedData.root();
    Path gen = dir.resolve("gen/openai/benign");
    Files.createDirectories(gen);
    // every topic file present so the scenario is read; the first one (hiv) is broken
    for (String t : topics()) {
      Files.writeString(gen.resolve("m_" + t + ".csv"), "model,system_prompt,user_prompt,gen_0\n");
    }
    Files.writeString(gen.resolve("m_hiv.csv"), "model,system_prompt,user_prompt,gen_0\nm,s,\"unclosed,x\n");
    CliRunner r = CliRunner.run("rescore", "--perspective", "stereotype", "--generations", dir.resolve("gen").toString(),
        "--data", root.toString(), "--out", dir.resolve("out").toString());
    assertEquals(ExitCode.BAD_INPUT, r.exit, r.toString());
    assertTrue(r.err.contains("m_hiv.csv:2: a quoted field is not closed"), r.err);
    Files.writeString(gen.resolve("m_hiv.csv"), "model,system_prompt,user_prompt,gen_0\nm,s,u,\"{'agreeability_num': 1, 'output': 'x'\"\n");
    CliRunner r2 = CliRunner.run("rescore", "--perspective", "stereotype", "--generations", dir.resolve("gen").toString(),
        "--data", root.toString(), "--out", dir.resolve("out").toString());
    assertEquals(ExitCode.BAD_INPUT, r2.exit, r2.toString());
    assertTrue(r2.err.contains("m_hiv.csv:2: field \"gen_0\": not a Python dict literal"), r2.err);
    assertFalse(r2.err.contains("\tat "), r2.err);
  }
}
