package dev.dtrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtrust.core.report.PerspectiveReport;
import dev.dtrust.core.report.TrustReport;
import dev.dtrust.core.testing.SharedData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dt rescore --perspective advglue} over the shipped synthetic recordings, end to end. */
class AdvGlueRescoreCliTest {

  @Test
  @SuppressWarnings("unchecked")
  void rescoreWritesTheExpectedNumbers(@TempDir Path out) throws IOException {
    Path root = SharedData.root();
    int code = Dt.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true),
        "rescore", "--perspective", "advglue",
        "--generations", root.resolve("generations").toString(),
        "--data", root.toString(),
        "--out", out.toString());
    assertEquals(0, code);
    TrustReport report = TrustReport.read(out.resolve("report.json"));
    PerspectiveReport p = report.perspectives().get("advglue");
    assertTrue(p.complete());
    assertEquals(56.29629629629629, p.score());
    assertEquals(8.148148148148147, p.refusalRate());
    assertEquals("/synthetic/responder-a", p.metrics().get("TargetModel"));
    assertEquals(0.5629629629629629, p.metrics().get("Accuracy"));
    assertEquals(0.08148148148148147, p.metrics().get("RR+NE"));
    Map<String, Object> breakdown = (Map<String, Object>) p.metrics().get("breakdown");
    assertEquals(61.11111111111111, ((Map<String, Object>) breakdown.get("mnli")).get("acc"));
    assertEquals(47.77777777777778, ((Map<String, Object>) breakdown.get("qqp")).get("acc"));
    assertEquals(60.0, ((Map<String, Object>) breakdown.get("sst2")).get("acc"));
    Map<String, Object> benign = (Map<String, Object>) ((Map<String, Object>) p.scenarios().get("benign")).get("tasks");
    assertEquals(0.8333333333333334, ((Map<String, Object>) ((Map<String, Object>) benign.get("sst2")).get("score")).get("accuracy"));
    Map<String, Object> qqp = (Map<String, Object>) ((Map<String, Object>) benign.get("qqp")).get("score");
    assertEquals(0.6666666666666666, qqp.get("accuracy"));
    assertEquals(0.6428571428571429, qqp.get("f1"));
    assertEquals(0.8333333333333334, ((Map<String, Object>) ((Map<String, Object>) benign.get("mnli")).get("score")).get("accuracy"));

    // summary.json in upstream's layout: summarize.get_advglue_scores under "adv-glue-plus-plus".
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    String model = report.model().id();
    JsonNode agg = summary.get("aggregated_results").get("adv-glue-plus-plus");
    assertEquals(56.29629629629629, agg.get("score").get(model).doubleValue());
    assertEquals(8.148148148148147, agg.get("rejection_rate").get(model).doubleValue());
    JsonNode bd = summary.get("breakdown_results").get("adv-glue-plus-plus").get(model);
    assertEquals(61.11111111111111, bd.get("mnli").get("acc").doubleValue());
    assertEquals(47.77777777777778, bd.get("qqp").get("acc").doubleValue());
    assertEquals(60.0, bd.get("sst2").get("acc").doubleValue());
  }

  @Test
  void badRecordingExitsTwoNamingFileAndField(@TempDir Path tmp) throws IOException {
    Path model = tmp.resolve("gen/advglue/org/m");
    Files.createDirectories(model);
    Files.writeString(model.resolve("glue-benign-demo.json"),
        "{\n \"sst2\": {\n  \"requests\": [],\n  \"responses\": [],\n  \"predictions\": []\n }\n}\n");
    StringWriter err = new StringWriter();
    int code = Dt.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
        "rescore", "--perspective", "advglue",
        "--generations", tmp.resolve("gen").toString(),
        "--data", SharedData.root().toString(),
        "--out", tmp.resolve("out").toString());
    assertEquals(2, code);
    assertTrue(err.toString().contains("glue-benign-demo.json"), err.toString());
    assertTrue(err.toString().contains("/sst2/labels"), err.toString());
    assertFalse(Files.exists(tmp.resolve("out/report.json")));
  }
}
