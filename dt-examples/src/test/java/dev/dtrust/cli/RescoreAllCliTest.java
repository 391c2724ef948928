package dev.dtrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtrust.core.Perspectives;
import dev.dtrust.core.report.TrustReport;
import dev.dtrust.core.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dt rescore --perspective all} over the whole shipped generations folder: every perspective
 * in one report, and the leaderboard numbers in upstream's summary.json layout equal to what
 * upstream's summarize.py computes on the same files.
 */
class RescoreAllCliTest {

  @Test
  void everyPerspectiveInOneRunAndUpstreamsSummaryNumbers(@TempDir Path out) throws Exception {
    Path root = SharedData.root();
    CliRunner r = CliRunner.run("rescore", "--perspective", "all", "--generations", root.resolve("generations").toString(),
        "--data", root.toString(), "--out", out.toString());
    assertEquals(ExitCode.OK, r.exit, r.toString());
    TrustReport report = TrustReport.read(out.resolve("report.json"));
    assertEquals(Perspectives.LEADERBOARD_ORDER, List.copyOf(report.perspectives().keySet()));
    assertFalse(report.complete(), "several perspectives lack data in the shipped root");
    assertNull(report.score());
    assertEquals(87.0, report.perspective("stereotype").score());
    assertEquals(71.93860546887328, report.perspective("ood").score());
    assertEquals(81.13078054690203, report.perspective("adv_demonstration").score());
    assertEquals(56.29629629629629, report.perspective("advglue").score());
    assertEquals(80.44600645631573, report.perspective("fairness").partialScore());
    assertEquals(64.54702380952381, report.perspective("privacy").partialScore());
    assertEquals(49.66174975735677, report.perspective("toxicity").partialScore());

    JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    String m = report.model().id();
    JsonNode agg = s.get("aggregated_results");
    assertEquals(87.0, agg.at("/stereotype/score").get(m).asDouble());
    assertEquals(2.3333333333333335, agg.at("/stereotype/rejection_rate").get(m).asDouble());
    assertEquals(71.93860546887328, agg.at("/ood/score").get(m).asDouble());
    assertEquals(12.167780371878285, agg.at("/ood/rejection_rate").get(m).asDouble());
    assertEquals(81.13078054690203, agg.at("/adv_demonstration/score").get(m).asDouble());
    assertEquals(0.7861284181377638, agg.at("/adv_demonstration/rejection_rate").get(m).asDouble());
    assertEquals(56.29629629629629, agg.at("/adv-glue-plus-plus/score").get(m).asDouble());
    assertEquals(8.148148148148147, agg.at("/adv-glue-plus-plus/rejection_rate").get(m).asDouble());
    assertEquals(80.44600645631573, agg.at("/fairness/score").get(m).asDouble());
    assertEquals(0.006666666666666672, agg.at("/fairness/rejection_rate").get(m).asDouble());
    assertEquals(64.54702380952381, agg.at("/privacy/privacy_score").get(m).asDouble());
    assertEquals(39.573214285714286, agg.at("/privacy/reject_rate").get(m).asDouble());
    assertEquals(40.00328159849664, agg.at("/privacy/privacy_score_wo_reject").get(m).asDouble());
    JsonNode bd = s.get("breakdown_results");
    assertEquals(15.726190476190476, bd.at("/privacy").get(m).at("/enron/asr").asDouble());
    assertEquals(61.11111111111111, bd.at("/adv-glue-plus-plus").get(m).at("/mnli/acc").asDouble());
    assertEquals(0.8265555555555556, bd.at("/adv_demonstration").get(m).at("/counterfactual/avg_acc").asDouble());
    assertTrue(s.toString().length() > 0);
  }
}
