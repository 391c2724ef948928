package dev.dtrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.core.report.PerspectiveReport;
import dev.dtrust.core.report.TrustReport;
import dev.dtrust.core.testing.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dt rescore --perspective machine_ethics} end to end over the shipped recordings. */
class MachineEthicsRescoreCliTest {

  private static PerspectiveReport rescore(Path generations, Path out, String... extra) throws Exception {
    Path root = SharedData.root();
    String[] base = {
      "rescore", "--perspective", "machine_ethics", "--generations", generations.toString(),
      "--data", root.toString(), "--out", out.toString()
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    assertEquals(0, Dt.execute(args));
    return TrustReport.read(out.resolve("report.json")).perspectives().get("machine_ethics");
  }

  @Test
  void syntheticCompleteModel(@TempDir Path out) throws Exception {
    Path root = SharedData.root();
    PerspectiveReport p = rescore(root.resolve("generations/machine_ethics/synthetic"), out);
    assertTrue(p.complete());
    assertEquals(57.952380952380956, p.score());
    assertEquals(23.333333333333332, p.refusalRate());
    var exp = SharedData.expected("machine_ethics-synthetic.json").get("complete").get("metrics");
    exp.fieldNames().forEachRemaining(
        k -> {
          Object got = p.metrics().get(k);
          if (exp.get(k).isTextual()) {
            assertEquals(exp.get(k).asText(), got, k);
          } else {
            assertEquals(exp.get(k).asDouble(), ((Number) got).doubleValue(), k);
          }
        });
  }

  @Test
  void syntheticIncompleteModel(@TempDir Path out) throws Exception {
    PerspectiveReport p = rescore(SharedData.root().resolve("generations/machine_ethics/synthetic_incomplete"), out);
    assertFalse(p.complete());
    assertNull(p.score());
  }

  @Test
  void gpt35Recordings(@TempDir Path out) throws Exception {
    Path root = SharedData.root();
    PerspectiveReport p =
        rescore(root.resolve("generations"), out, "--option", "machine_ethics.model=gpt-3.5-turbo-0301");
    assertFalse(p.complete());
    assertNull(p.score());
    assertEquals(79.49218928240352, p.partialScore());
    @SuppressWarnings("unchecked")
    Map<String, Object> cs = (Map<String, Object>) p.scenarios().get("ethics_commonsense_short");
    assertEquals(0.199, ((Number) cs.get("avg_fpr_jb")).doubleValue());
    assertEquals(0.21115621435192974, ((Number) cs.get("avg_fpr_ev")).doubleValue());
    assertEquals(0.0, ((Number) cs.get("avg_ref_jb")).doubleValue());
    assertEquals(0.014000000000000002, ((Number) cs.get("avg_ref_ev")).doubleValue());
    TrustReport report = TrustReport.read(out.resolve("report.json"));
    assertFalse(report.complete());
  }

  /** dt run --model replay: answers the 2023 CSVs by position under promptForm=LEGACY_2023. */
  @Test
  void replayRunOfTheShippedCsvs(@TempDir Path out) throws Exception {
    Path root = SharedData.root();
    StringBuilder runs = new StringBuilder();
    for (int k = 1; k <= 5; k++) {
      runs.append(runs.length() == 0 ? "" : ",").append("ethics_commonsense_short/few_shot_0_test_num200_jailbreak_").append(k).append("_evasive_0");
      runs.append(",ethics_commonsense_short/few_shot_0_test_num200_jailbreak_0_evasive_").append(k);
    }
    int code =
        Dt.execute(
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
            "run", "--model", "replay:" + root.resolve("generations"), "--data", root.toString(),
            "--perspectives", "machine_ethics", "--scenarios", runs.toString(),
            "--option", "machine_ethics.promptForm=LEGACY_2023", "--out", out.toString());
    assertEquals(0, code);
    TrustReport report = TrustReport.read(out.resolve("report.json"));
    assertEquals(2000, report.run().answered());
    PerspectiveReport p = report.perspectives().get("machine_ethics");
    assertEquals(79.49218928240352, p.partialScore());
    assertNull(p.score());
  }

  @Test
  void malformedRecordingExitsTwoNamingFileLineAndField(@TempDir Path tmp) throws Exception {
    Path root = SharedData.root();
    Path model = tmp.resolve("gen/ethics_commonsense_short/m");
    Files.createDirectories(model);
    Path src = root.resolve("generations/machine_ethics/synthetic/ethics_commonsense_short/synthetic/model-a");
    try (var s = Files.list(src)) {
      for (Path f : s.toList()) {
        Files.copy(f, model.resolve(f.getFileName().toString()));
      }
    }
    Path broken = model.resolve("few_shot_0_test_num200_jailbreak_1_evasive_0.json");
    Files.writeString(broken, Files.readString(broken).replaceFirst("\"content\": \"wrong\"", "\"content\": null"));
    StringWriter err = new StringWriter();
    int code =
        Dt.execute(
            new PrintWriter(new StringWriter()), new PrintWriter(err),
            "rescore", "--perspective", "machine_ethics", "--generations", tmp.resolve("gen").toString(),
            "--data", root.toString(), "--out", tmp.resolve("out").toString());
    assertEquals(2, code);
    String msg = err.toString();
    assertTrue(msg.contains("few_shot_0_test_num200_jailbreak_1_evasive_0.json"), msg);
    assertTrue(msg.contains("/1/choices/0/message/content"), msg);
    assertTrue(msg.matches("(?s).*\\.json:\\d+: .*"), msg);
    assertFalse(Files.exists(tmp.resolve("out/report.json")));
  }

  @Test
  void missingLabelFileExitsTwo(@TempDir Path tmp) throws Exception {
    Path root = SharedData.root();
    Path model = tmp.resolve("gen/ethics_commonsense_short/m");
    Files.createDirectories(model);
    Files.copy(
        root.resolve("generations/machine_ethics/synthetic/ethics_commonsense_short/synthetic/model-a/few_shot_0_test_num0_jailbreak_0_evasive_0.json"),
        model.resolve("few_shot_0_test_num0_jailbreak_0_evasive_0.json"));
    StringWriter err = new StringWriter();
    int code =
        Dt.execute(
            new PrintWriter(new StringWriter()), new PrintWriter(err),
            "rescore", "--perspective", "machine_ethics", "--generations", tmp.resolve("gen").toString(),
            "--data", root.toString(), "--out", tmp.resolve("out").toString());
    assertEquals(2, code);
    assertTrue(err.toString().contains("label_few_shot_0_test_num0_jailbreak_0_evasive_0.json"), err.toString());
  }
}
