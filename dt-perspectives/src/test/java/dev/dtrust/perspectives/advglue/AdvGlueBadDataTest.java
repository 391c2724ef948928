package dev.dtrust.perspectives.advglue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.core.data.DataException;
import dev.dtrust.core.data.DataRoot;
import dev.dtrust.core.model.ChatResponse;
import dev.dtrust.core.perspective.Extensions;
import dev.dtrust.core.perspective.Options;
import dev.dtrust.core.perspective.PlanContext;
import dev.dtrust.core.perspective.Probe;
import dev.dtrust.core.perspective.ProbeOutcome;
import dev.dtrust.core.perspective.ScoreContext;
import dev.dtrust.core.perspective.Selection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input names file, line and field; partial runs say so. */
class AdvGlueBadDataTest {

  private static Path copyRoot(Path tmp) throws IOException {
    Path src = AdvGlueFixture.root();
    Files.createDirectories(tmp.resolve("templates"));
    Files.createDirectories(tmp.resolve("adv-glue-plus-plus/data"));
    Files.copy(src.resolve("templates/advglue.json"), tmp.resolve("templates/advglue.json"));
    for (String base : AdvGluePerspective.BASE_MODELS) {
      Files.copy(src.resolve("adv-glue-plus-plus/data/" + base + ".json"), tmp.resolve("adv-glue-plus-plus/data/" + base + ".json"));
    }
    return tmp;
  }

  private static PlanContext ctx(Path root, Selection selection) {
    return new PlanContext(AdvGluePerspective.ID, DataRoot.of(root), selection, Options.none(), Extensions.none());
  }

  @Test
  void missingLabelNamesFileLineAndField(@TempDir Path tmp) throws IOException {
    Path root = copyRoot(tmp);
    Path f = root.resolve("adv-glue-plus-plus/data/vicuna.json");
    String text = Files.readString(f, StandardCharsets.UTF_8);
    // Rename the label of the first qqp record.
    int qqp = text.indexOf("\"qqp\"");
    int label = text.indexOf("\"label\"", qqp);
    Files.writeString(f, text.substring(0, label) + "\"lab_el\"" + text.substring(label + 7), StandardCharsets.UTF_8);
    long line = text.substring(0, qqp).lines().count() + 1;
    DataException e = assertThrows(DataException.class, () -> new AdvGluePerspective().plan(ctx(root, Selection.leaderboard())).toList());
    assertTrue(e.file().endsWith("adv-glue-plus-plus/data/vicuna.json"), e.file());
    assertEquals("/qqp/0/label", e.field());
    assertTrue(e.line() >= line, e.getMessage());
  }

  @Test
  void malformedJsonNamesTheLine(@TempDir Path tmp) throws IOException {
    Path root = copyRoot(tmp);
    Files.writeString(root.resolve("adv-glue-plus-plus/data/alpaca.json"), "{\n \"sst2\": [\n {\"label\": 1,,}\n]}\n");
    DataException e = assertThrows(DataException.class, () -> new AdvGluePerspective().plan(ctx(root, Selection.leaderboard())).toList());
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("alpaca.json:3"), e.getMessage());
  }

  @Test
  void missingTaskNamesTheKey(@TempDir Path tmp) throws IOException {
    Path root = copyRoot(tmp);
    Files.writeString(root.resolve("adv-glue-plus-plus/data/alpaca.json"), "{\"sst2\": []}");
    DataException e = assertThrows(DataException.class, () -> new AdvGluePerspective().plan(ctx(root, Selection.leaderboard())).toList());
    assertEquals("/qqp", e.field());
  }

  @Test
  void missingDataFileSkipsTheScenarioAndScoresPartially(@TempDir Path tmp) throws IOException {
    Path root = copyRoot(tmp);
    Files.delete(root.resolve("adv-glue-plus-plus/data/stable-vicuna.json"));
    PlanContext pc = ctx(root, Selection.leaderboard());
    List<Probe> probes = new AdvGluePerspective().plan(pc).toList();
    assertEquals(180, probes.size());
    assertEquals("adv-glue-plus-plus/data/stable-vicuna.json", pc.skipped().get(0).missing());
    // Every probe answered with its gold word: robust accuracy 1 except where the word is ambiguous.
    List<ProbeOutcome> outcomes = probes.stream().map(p -> ProbeOutcome.answered(p, ChatResponse.ofTexts(List.of("yes")))).toList();
    ScoreContext sc = new ScoreContext(AdvGluePerspective.ID, DataRoot.of(root), Selection.leaderboard(), Options.none(), pc.skipped(), Extensions.none(), null);
    AdvGlueResult r = (AdvGlueResult) new AdvGluePerspective().score(sc, outcomes);
    assertFalse(r.complete());
    assertNull(r.score());
    assertEquals(6, r.rows().size());
    assertEquals(r.accuracy() * 100, r.partialScore());
    assertEquals(1, r.skipped().size());
    // sst2 never parses "yes": every sst2 row is all refusals.
    assertEquals(1.0, r.metrics("adv-alpaca", "sst2").refusalRate());
  }

  @Test
  void rescoreOfABrokenResultFileNamesFileAndField(@TempDir Path tmp) throws IOException {
    Path model = tmp.resolve("advglue/m");
    Files.createDirectories(model);
    Files.writeString(model.resolve("glue-benign-demo.json"),
        "{\n \"sst2\": {\n  \"requests\": [],\n  \"responses\": [],\n  \"predictions\": []\n }\n}\n");
    ScoreContext sc = new ScoreContext(AdvGluePerspective.ID, AdvGlueFixture.dataRoot(), Selection.leaderboard(), Options.none(),
        List.of(), Extensions.none(), tmp);
    DataException e = assertThrows(DataException.class, () -> new AdvGluePerspective().rescore(sc));
    assertEquals("/sst2/labels", e.field());
    assertTrue(e.file().endsWith("glue-benign-demo.json"));
    assertTrue(e.line() > 0);
  }

  @Test
  void severalModelsNeedAChoice(@TempDir Path tmp) throws IOException {
    Path src = AdvGlueFixture.root().resolve(AdvGlueFixture.RESPONDER);
    for (String m : List.of("org/a", "org/b")) {
      Path d = tmp.resolve("advglue/" + m);
      Files.createDirectories(d);
      for (String f : AdvGlueFixture.FILES) {
        Files.copy(src.resolve(f), d.resolve(f));
      }
    }
    ScoreContext any = new ScoreContext(AdvGluePerspective.ID, AdvGlueFixture.dataRoot(), Selection.leaderboard(), Options.none(),
        List.of(), Extensions.none(), tmp);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AdvGluePerspective().rescore(any));
    assertTrue(e.getMessage().contains("org/a") && e.getMessage().contains("org/b"), e.getMessage());
    ScoreContext chosen = new ScoreContext(AdvGluePerspective.ID, AdvGlueFixture.dataRoot(), Selection.leaderboard(),
        Options.of(Map.of("advglue.model", "org/b")), List.of(), Extensions.none(), tmp);
    AdvGlueResult r = (AdvGlueResult) new AdvGluePerspective().rescore(chosen);
    assertEquals("/org/b", r.targetModel());
    assertEquals(56.29629629629629, r.score());
  }
}
