package dev.dtrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.core.report.PerspectiveReport;
import dev.dtrust.core.report.TrustReport;
import dev.dtrust.core.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue acceptance: the OOD numbers of expected/ood-gpt-3.5.json through {@code dt rescore} and {@code dt run}. */
class OodRescoreCliTest {

  @Test
  void rescoreWritesTheExpectedNumbers(@TempDir Path out) throws Exception {
    Path root = SharedData.root();
    int exit = Dt.execute("rescore", "--perspective", "ood", "--generations", root.resolve("generations").toString(),
        "--data", root.toString(), "--out", out.toString());
    assertEquals(ExitCode.OK, exit);
    TrustReport report = TrustReport.read(out.resolve("report.json"));
    PerspectiveReport p = report.perspective("ood");
    assertEquals(71.93860546887328, p.score());
    assertEquals(12.167780371878285, p.refusalRate());
    assertTrue(p.complete());
    assertNull(p.partialScore());
    assertTrue(p.skipped().isEmpty());
    assertEquals(71.93860546887328, p.metrics().get("score"));
    assertEquals(12.167780371878285, p.metrics().get("rr"));
    Map<?, ?> sub = (Map<?, ?>) p.metrics().get("subscores");
    assertEquals(62.3574144486692, sub.get("knowledge"));
    assertEquals(75.51605504587155, sub.get("style"));
    assertEquals(67.97619047619047, sub.get("knowledge_fewshot"));
    assertEquals(81.9047619047619, sub.get("style_fewshot"));
    assertEquals(71.93860546887328, report.score());

    // every per-file metric of per_file, as read back from report.json
    JsonNode perFile = SharedData.expected("ood-gpt-3.5.json").get("per_file");
    int n = 0;
    for (Iterator<JsonNode> it = perFile.elements(); it.hasNext(); n++) {
      JsonNode e = it.next();
      Map<?, ?> got = (Map<?, ?>) p.metrics().get(e.get("result_key").asText());
      e.get("metrics").fields().forEachRemaining(m -> {
        Object v = got.get(m.getKey());
        assertEquals(m.getValue().asDouble(), ((Number) v).doubleValue(), e.get("result_key") + "/" + m.getKey());
      });
    }
    assertEquals(36, n);
  }

  @Test
  void rescoreAcceptsThePerspectiveFolder(@TempDir Path out) throws Exception {
    Path root = SharedData.root();
    int exit = Dt.execute("rescore", "--perspective", "ood", "--generations",
        root.resolve("generations/ood").toString(), "--data", root.toString(), "--out", out.toString());
    assertEquals(ExitCode.OK, exit);
    assertEquals(71.93860546887328, TrustReport.read(out.resolve("report.json")).perspective("ood").score());
  }

  @Test
  void replayOfZeroShotRecordingsAnswersEveryProbe(@TempDir Path out) throws Exception {
    Path root = SharedData.root();
    CliRunner r = CliRunner.run("run", "--model", "replay:" + root.resolve("generations"), "--data", root.toString(),
        "--perspectives", "ood", "--scenarios", "ood/style/zero/shake_w,ood/knowledge/standard/qa_2023",
        "--out", out.toString(), "--max-in-flight", "4");
    assertEquals(ExitCode.OK, r.exit, r.toString());
    TrustReport report = TrustReport.read(out.resolve("report.json"));
    assertEquals(872 + 263, report.run().answered());
    Map<?, ?> w = (Map<?, ?>) report.perspective("ood").scenarios().get("ood/style/zero/shake_w");
    assertEquals(83.8302752293578, w.get("acc"));
    assertEquals(8.027522935779817, w.get("rr"));
  }

  @Test
  void replayOfIdkPromptsMisses(@TempDir Path out) throws Exception {
    Path root = SharedData.root();
    CliRunner r = CliRunner.run("run", "--model", "replay:" + root.resolve("generations"), "--data", root.toString(),
        "--perspectives", "ood", "--scenarios", "ood/knowledge/idk/qa_2023", "--out", out.toString());
    assertEquals(ExitCode.INCOMPLETE, r.exit, r.toString());
    TrustReport report = TrustReport.read(out.resolve("report.json"));
    assertEquals(263, report.run().failed());
    assertFalse(report.complete());
    assertNull(report.perspective("ood").score());
  }

  @Test
  void badDataExitsTwoNamingFileAndField(@TempDir Path dir) throws Exception {
    Path root = SharedData.root();
    Path data = dir.resolve("data");
    Files.createDirectories(data.resolve("ood"));
    Files.createDirectories(data.resolve("templates"));
    Files.copy(root.resolve("templates/ood.json"), data.resolve("templates/ood.json"));
    Files.copy(root.resolve("ood/style.json"), data.resolve("ood/style.json"));
    Files.writeString(data.resolve("ood/knowledge.json"), "{\"test\": {\"qa_2023\": [{\"question_date\": \"2023/01/05\"}]}}");
    CliRunner r = CliRunner.run("rescore", "--perspective", "ood", "--generations", root.resolve("generations").toString(),
        "--data", data.toString(), "--out", dir.resolve("out").toString());
    assertEquals(ExitCode.BAD_INPUT, r.exit, r.toString());
    assertTrue(r.err.contains("ood/knowledge.json"), r.err);
    assertTrue(r.err.contains("/test/qa_2023/0/question_sentence"), r.err);
    assertFalse(r.err.contains("\tat "), "no stack trace: " + r.err);
    assertFalse(Files.exists(dir.resolve("out/report.json")), "no report claims to be complete");

    Files.writeString(data.resolve("ood/knowledge.json"), "{\"test\": \n[");
    CliRunner r2 = CliRunner.run("rescore", "--perspective", "ood", "--generations", root.resolve("generations").toString(),
        "--data", data.toString(), "--out", dir.resolve("out").toString());
    assertEquals(ExitCode.BAD_INPUT, r2.exit, r2.toString());
    assertTrue(r2.err.contains("ood/knowledge.json:2"), r2.err);
  }
}
