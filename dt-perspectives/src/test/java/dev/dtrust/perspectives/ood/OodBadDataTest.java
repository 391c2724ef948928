package dev.dtrust.perspectives.ood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.core.data.DataException;
import dev.dtrust.core.data.DataRoot;
import dev.dtrust.core.perspective.Extensions;
import dev.dtrust.core.perspective.Options;
import dev.dtrust.core.perspective.PlanContext;
import dev.dtrust.core.perspective.Probe;
import dev.dtrust.core.perspective.Selection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Missing files are skipped, bad records name file, line and field (DESIGN.md §2, §4). */
class OodBadDataTest {

  private static List<Probe> plan(Path root, Selection sel, PlanContext[] ctxOut) {
    PlanContext ctx = new PlanContext("ood", DataRoot.of(root), sel, Options.none(), Extensions.none());
    ctxOut[0] = ctx;
    try (Stream<Probe> s = new OodPerspective().plan(ctx)) {
      return s.toList();
    }
  }

  @Test
  void missingInputFileSkipsItsScenarios(@TempDir Path tmp) throws IOException {
    Path root = OodStarterPackTest.unpack(tmp.resolve("root"));
    Files.delete(root.resolve("ood/knowledge.json"));
    PlanContext[] ctx = new PlanContext[1];
    List<Probe> probes = plan(root, Selection.leaderboard(), ctx);
    assertEquals(22, ctx[0].skipped().size() + 8); // 14 knowledge scenarios skipped
    assertTrue(ctx[0].skipped().stream().allMatch(s -> s.missing().equals("ood/knowledge.json")));
    assertTrue(probes.stream().allMatch(p -> p.scenario().startsWith("ood/style/")));
  }

  @Test
  void missingFieldNamesFileAndPointer(@TempDir Path tmp) throws IOException {
    Path root = OodStarterPackTest.unpack(tmp.resolve("root"));
    Path style = root.resolve("ood/style.json");
    Files.writeString(style, Files.readString(style).replaceFirst("\"label\": \"1\"", "\"lab\": \"1\""));
    DataException e = assertThrows(DataException.class, () -> plan(root, Selection.full(), new PlanContext[1]));
    assertTrue(e.file().endsWith("ood/style.json"), e.getMessage());
    assertEquals("/dev/base/0/label", e.field());
    assertTrue(e.getMessage().contains("ood/style.json: field \"/dev/base/0/label\": missing"), e.getMessage());
  }

  @Test
  void malformedRecordingNamesFileAndLine(@TempDir Path tmp) throws IOException {
    Path root = OodStarterPackTest.unpack(tmp.resolve("root"));
    Path gen = tmp.resolve("gen/ood/styles");
    Files.createDirectories(gen);
    Files.writeString(gen.resolve("shake_pert_m_standard_0-shot.jsonl"),
        "[[[{\"role\": \"user\", \"content\": \"x\"}], {\"choices\": [{\"message\": {\"content\": \"positive\"}}]}],\n"
            + "[[{\"role\": \"user\", \"content\": \"y\"}], {\"choices\": [{\"message\": {}}]}]]\n",
        StandardCharsets.UTF_8);
    DataException e = assertThrows(DataException.class,
        () -> OodTestSupport.rescore(root, tmp.resolve("gen"), Selection.leaderboard(), Map.of()));
    assertTrue(e.file().endsWith("shake_pert_m_standard_0-shot.jsonl"), e.getMessage());
    assertEquals(2, e.line());
    assertEquals("[1][1].choices[0].message.content", e.field());

    Files.writeString(gen.resolve("shake_pert_m_standard_0-shot.jsonl"), "[[[{\"role\": \"user\"\n,,]", StandardCharsets.UTF_8);
    DataException bad = assertThrows(DataException.class,
        () -> OodTestSupport.rescore(root, tmp.resolve("gen"), Selection.leaderboard(), Map.of()));
    assertEquals(2, bad.line());
  }

  @Test
  void moreRecordsThanProbesIsAnError(@TempDir Path tmp) throws IOException {
    Path root = OodStarterPackTest.unpack(tmp.resolve("root"));
    Path gen = tmp.resolve("gen/ood/styles");
    Files.createDirectories(gen);
    String rec = "[[{\"role\": \"user\", \"content\": \"x\"}], {\"choices\": [{\"message\": {\"content\": \"positive\"}}]}]";
    Files.writeString(gen.resolve("aug_m_standard_0-shot.jsonl"), "[" + String.join(", ", List.of(rec, rec, rec, rec)) + "]");
    DataException e = assertThrows(DataException.class,
        () -> OodTestSupport.rescore(root, tmp.resolve("gen"), Selection.leaderboard(), Map.of()));
    assertEquals("[3]", e.field());
  }

  @Test
  void recordingsOfOneScenarioFromSeveralModelsNeedTheModelOption(@TempDir Path tmp) throws IOException {
    Path root = OodStarterPackTest.unpack(tmp.resolve("root"));
    Path gen = tmp.resolve("gen/ood/styles");
    Files.createDirectories(gen);
    String rec = "[[{\"role\": \"user\", \"content\": \"x\"}], {\"choices\": [{\"message\": {\"content\": \"positive\"}}]}]";
    Files.writeString(gen.resolve("aug_a_standard_0-shot.jsonl"), "[" + rec + "]");
    Files.writeString(gen.resolve("aug_b_standard_0-shot.jsonl"), "[" + rec + ", " + rec + "]");
    assertThrows(DataException.class,
        () -> OodTestSupport.rescore(root, tmp.resolve("gen"), Selection.leaderboard(), Map.of()));
    OodResult r = OodTestSupport.rescore(root, tmp.resolve("gen"), Selection.leaderboard(), Map.of("ood.model", "b"));
    assertEquals(2, r.result("augment").orElseThrow().records());
    // only one recording: no group is complete, nothing is written (EO:217-218)
    assertNull(r.score());
    assertNull(r.refusalRate());
    assertNull(r.partialScore());
    assertFalse(r.complete());
    assertEquals(35, r.skipped().size());
  }
}
