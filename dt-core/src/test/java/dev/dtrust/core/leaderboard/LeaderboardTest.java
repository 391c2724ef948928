package dev.dtrust.core.leaderboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtrust.core.Perspectives;
import dev.dtrust.core.report.Chromium;
import dev.dtrust.core.report.DatasetInfo;
import dev.dtrust.core.report.ModelInfo;
import dev.dtrust.core.report.PerspectiveReport;
import dev.dtrust.core.report.Provenance;
import dev.dtrust.core.report.RunStats;
import dev.dtrust.core.report.SampleReports;
import dev.dtrust.core.report.TrustReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaderboardTest {

  /** A run of a model with the eight perspectives scored base, base+1, …; tweaks per perspective. */
  static TrustReport run(String model, double base, String finishedAt, Map<String, PerspectiveReport> overrides) {
    Map<String, PerspectiveReport> ps = new LinkedHashMap<>();
    int i = 0;
    for (String id : Perspectives.LEADERBOARD_ORDER) {
      ps.put(id, overrides.getOrDefault(id, SampleReports.perspective(id, base + i++, 1.0, true)));
    }
    return new TrustReport(TrustReport.SCHEMA, new ModelInfo(model, "test", null, Map.of()), true, null, ps,
        new DatasetInfo("root", "0123456789abcdef", 3), new Provenance("0.1.0", Map.of(), finishedAt, finishedAt),
        new RunStats(1, 1, 0, 0, 1, 0, 0, 0, 0, 1));
  }

  static List<Leaderboard.Run> runs() {
    PerspectiveReport nonComparable = new PerspectiveReport("toxicity", 90.0, 1.0, true, null, "fake-sha256-v1", false,
        Map.of(), Map.of(), List.of(), List.of(), Map.of());
    PerspectiveReport incomplete = SampleReports.perspective("privacy", null, 2.0, false);
    List<Leaderboard.Run> runs = new ArrayList<>();
    runs.add(new Leaderboard.Run("a-old", run("alpha", 50, "2026-01-01T00:00:00Z", Map.of())));
    runs.add(new Leaderboard.Run("a-new", run("alpha", 60, "2026-02-01T00:00:00Z", Map.of())));
    runs.add(new Leaderboard.Run("b", run("beta <script>x</script>", 70, "2026-01-15T00:00:00Z", Map.of())));
    runs.add(new Leaderboard.Run("c", run("gamma", 80, "2026-01-15T00:00:00Z", Map.of("toxicity", nonComparable))));
    runs.add(new Leaderboard.Run("d", run("delta", 95, "2026-01-15T00:00:00Z", Map.of("privacy", incomplete))));
    return runs;
  }

  @Test
  void rowsRankingAverageAndMarkings() throws Exception {
    Map<String, ModelCard> cards = Map.of("alpha", new ModelCard("acme", true, "7B"), "beta <script>x</script>", new ModelCard("x", false, null));
    Leaderboard board = Leaderboard.of(runs(), false, cards);
    assertEquals(List.of("beta <script>x</script>", "alpha", "delta", "gamma"), board.rows().stream().map(Row::model).toList());
    Row beta = board.rows().get(0);
    assertEquals(1, beta.rank());
    // mean of 70..77, numpy pairwise order for 8 values
    assertEquals(73.5, beta.average());
    Row alpha = board.rows().get(1);
    assertEquals(2, alpha.rank());
    assertEquals(63.5, alpha.average(), "the latest run of alpha");
    assertEquals("a-new", alpha.report());
    Row delta = board.rows().get(2);
    assertEquals(0, delta.rank());
    assertNull(delta.average(), "an incomplete perspective means no average");
    assertEquals("incomplete", delta.cells().get("privacy").mark());
    assertEquals(12.5, delta.cells().get("privacy").partial());
    Row gamma = board.rows().get(3);
    assertNull(gamma.average(), "a non-comparable scorer is never averaged with comparable numbers");
    assertEquals("not-comparable", gamma.cells().get("toxicity").mark());
    assertEquals("fake-sha256-v1", gamma.cells().get("toxicity").scorer());

    JsonNode json = new ObjectMapper().readTree(board.toJson());
    assertEquals(4, json.get("rows").size());
    assertEquals("alpha", json.at("/rows/1/model").asText());
    assertEquals(63.5, json.at("/rows/1/average").asDouble());
    assertTrue(json.at("/rows/1/openWeights").asBoolean());
    assertEquals("not-comparable", json.at("/rows/3/perspectives/toxicity/mark").asText());
    assertTrue(json.at("/rows/2/average").isNull());
    assertEquals(1, json.get("regressions").size());
    assertEquals(10.0, json.at("/regressions/0/deltas/stereotype").asDouble());

    assertEquals(5, Leaderboard.of(runs(), true, Map.of()).rows().size(), "--all-runs: a row per run");
    String md = LeaderboardMarkdown.render(board);
    assertTrue(md.contains("| 1 | beta &lt;script>x&lt;/script> | 73.50 |"), md);
    assertTrue(md.contains("90.00 †"), md);
  }

  @Test
  void clickingAHeaderSortsTheRowsAndModelTextStaysText(@TempDir Path dir) throws Exception {
    Leaderboard board = Leaderboard.of(runs(), false, Map.of());
    Path html = dir.resolve("leaderboard.html");
    Files.writeString(html, LeaderboardHtml.render(board));
    try (Chromium c = Chromium.open(dir.resolve("profile"), html.toUri())) {
      c.await("document.readyState === 'complete'", Duration.ofSeconds(30));
      String names = "Array.from(document.querySelectorAll('#board tr.model td.name')).map(function(t){return t.textContent}).join('|')";
      assertEquals("beta <script>x</script>|alpha|delta|gamma", c.evaluate(names).asText());
      assertEquals(0, c.evaluate("document.querySelectorAll('#board script').length").asInt(), "model text is not markup");
      // Model column: ascending by name on the first click
      c.evaluate("document.querySelector('#board th[data-col=\"1\"]').click(); true");
      assertEquals("alpha|beta <script>x</script>|delta|gamma", c.evaluate(names).asText());
      // Fairness column (the last perspective): highest first
      c.evaluate("document.querySelector('#board th[data-col=\"10\"]').click(); true");
      assertEquals("delta|gamma|beta <script>x</script>|alpha", c.evaluate(names).asText());
      // a row opens its radar chart
      assertTrue(c.evaluate("document.querySelector('tr.detail').hidden").asBoolean());
      c.evaluate("document.querySelector('#board tr.model').click(); true");
      assertFalse(c.evaluate("document.querySelector('tr.detail[data-row=\"' + document.querySelector('#board tr.model').getAttribute('data-row') + '\"]').hidden").asBoolean());
    }
  }
}
