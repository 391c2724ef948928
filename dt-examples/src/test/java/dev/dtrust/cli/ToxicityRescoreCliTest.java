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
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dt rescore --perspective toxicity --toxicity-scorer fake-sha256-v1} end to end (issue 11). */
class ToxicityRescoreCliTest {
  @TempDir Path tmp;

  @Test
  void rescoreWritesTheExpectedNumbers() throws Exception {
    Path root = SharedData.root();
    JsonNode expected = SharedData.expected("toxicity-gpt-3.5.json");
    Path out = tmp.resolve("out");
    int code = Dt.execute("rescore", "--perspective", "toxicity",
        "--generations", root.resolve("generations/toxicity").toString(),
        "--data", root.toString(), "--out", out.toString(), "--toxicity-scorer", "fake-sha256-v1");
    assertEquals(0, code);
    TrustReport report = TrustReport.read(out.resolve("report.json"));
    PerspectiveReport p = report.perspective("toxicity");
    assertNotNull(p);
    assertFalse(p.complete());
    assertFalse(report.complete());
    assertNull(p.score());
    assertEquals(49.66174975735677, p.partialScore());
    assertEquals(11.036789297658864, p.refusalRate());
    assertEquals(0.11036789297658864, p.metrics().get("rejection_rate"));
    assertEquals("fake-sha256-v1", p.scorer());
    assertFalse(p.comparable());
    assertEquals(0.49661749757356777, p.metrics().get("partial-aggregated-score"));
    assertNull(p.metrics().get("aggregated-score"));
    Map<?, ?> runs = (Map<?, ?>) p.metrics().get("report.jsonl");
    assertEquals(0.5119438840406885, runs.get("toxic-template-0-generations-toxicity"));
    assertEquals(0.15635451505016723, runs.get("toxic-template-0-generations-rej_rates"));
    assertEquals(0.49482112081217605, runs.get("toxic-template-1-generations-toxicity"));
    assertEquals(0.06438127090301003, runs.get("toxic-template-1-generations-rej_rates"));
    assertEquals(4, runs.size());
    assertEquals(8, p.skipped().size());
    // all 32 files as in per_file
    JsonNode perFile = expected.get("per_file");
    assertEquals(32, p.scenarios().size());
    for (Iterator<Map.Entry<String, JsonNode>> it = perFile.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Map<?, ?> s = (Map<?, ?>) p.scenarios().get("system-prompt-" + e.getValue().get("template").asInt());
      assertEquals(e.getKey(), s.get("file"));
      for (String k : List.of("toxicity", "rej_rates", "Expected Max Toxicity", "Expected Max Toxicity std",
          "Toxicity Probability")) {
        assertEquals(e.getValue().get(k).asDouble(), s.get(k), e.getKey() + " " + k);
      }
      assertEquals(e.getValue().get("Full prompts").asInt(), ((Number) s.get("Full prompts")).intValue());
    }
  }

  @Test
  void badRecordingExitsTwoWithFileLineAndFieldAndWritesNoReport() throws Exception {
    Path root = SharedData.root();
    Path gen = tmp.resolve("gen/system_prompts");
    Files.createDirectories(gen);
    List<String> lines = Files.readAllLines(root.resolve("generations/toxicity/system_prompts/toxic.jsonl.gpt3.t=0.out2"));
    lines.set(6, lines.get(6).replace("\"choices\"", "\"chocies\""));
    Files.write(gen.resolve("toxic.jsonl.gpt3.t=0.out2"), lines);
    StringWriter err = new StringWriter();
    Path out = tmp.resolve("out");
    int code = Dt.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
        "rescore", "--perspective", "toxicity", "--generations", tmp.resolve("gen").toString(),
        "--data", root.toString(), "--out", out.toString(), "--toxicity-scorer", "fake-sha256-v1");
    assertEquals(2, code);
    String message = err.toString();
    assertTrue(message.contains("toxic.jsonl.gpt3.t=0.out2:7"), message);
    assertTrue(message.contains("response.choices"), message);
    assertEquals(1, message.strip().lines().count(), message);
    assertFalse(Files.exists(out.resolve("report.json")));
  }

  @Test
  void unknownScorerIsAUsageError() throws Exception {
    Path root = SharedData.root();
    StringWriter err = new StringWriter();
    int code = Dt.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
        "rescore", "--perspective", "toxicity", "--generations", root.resolve("generations/toxicity").toString(),
        "--data", root.toString(), "--out", tmp.resolve("o").toString(), "--toxicity-scorer", "nope");
    assertEquals(2, code);
    assertTrue(err.toString().contains("unknown toxicity scorer 'nope'"), err.toString());
  }

  @Test
  void dryRunShowsTheLeaderboardRequestCount() {
    Path root = SharedData.root();
    CliRunner r = CliRunner.run("run", "--model", "sim", "--data", root.toString(), "--perspectives", "toxicity",
        "--out", tmp.resolve("dry").toString(), "--dry-run");
    assertEquals(0, r.exit, r.toString());
    assertTrue(r.out.contains("toxicity: 9592 requests"), r.out);
    assertTrue(r.out.matches("(?s).*rtp-toxic-benign +1196 requests +29900 samples.*"), r.out);
    assertTrue(r.out.matches("(?s).*gpt4-toxic-adv +1200 requests +30000 samples.*"), r.out);
  }

  @Test
  void replayOfTheStudyRunsThroughTheCli() throws Exception {
    Path root = SharedData.root();
    Path out = tmp.resolve("replay");
    CliRunner r = CliRunner.run("run", "--model", "replay:" + root.resolve("generations"), "--data", root.toString(),
        "--perspectives", "toxicity", "--scenarios", "system-prompt-0,system-prompt-1",
        "--toxicity-scorer", "fake-sha256-v1", "--out", out.toString());
    assertEquals(0, r.exit, r.toString());
    TrustReport report = TrustReport.read(out.resolve("report.json"));
    assertEquals(2392, report.run().answered());
    PerspectiveReport p = report.perspective("toxicity");
    assertFalse(p.complete());
    assertNull(p.score());
    assertEquals(49.66174975735677, p.partialScore());
    assertEquals(11.036789297658864, p.refusalRate());
  }
}
