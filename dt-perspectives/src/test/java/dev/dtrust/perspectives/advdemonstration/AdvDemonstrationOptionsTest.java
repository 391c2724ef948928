package dev.dtrust.perspectives.advdemonstration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.core.data.DataException;
import dev.dtrust.core.data.DataRoot;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.numerics.NumpySum;
import dev.dtrust.core.perspective.Extensions;
import dev.dtrust.core.perspective.Options;
import dev.dtrust.core.perspective.PlanContext;
import dev.dtrust.core.perspective.Probe;
import dev.dtrust.core.perspective.Selection;
import dev.dtrust.core.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options, send order and the deviations of spec §7. */
class AdvDemonstrationOptionsTest {
  private static final String MODEL = "gpt-3.5-turbo-0301";

  private static List<Probe> plan(Path root, Options options, String... scenarios) {
    PlanContext ctx = new PlanContext(AdvDemonstrationPerspective.ID, DataRoot.of(root), Selection.of(List.of(scenarios)),
        options, Extensions.none());
    try (Stream<Probe> s = new AdvDemonstrationPerspective().plan(ctx)) {
      return s.toList();
    }
  }

  @Test
  void examplePrefixLayoutNamesTheDemonstrationTurns() {
    List<Probe> probes = plan(SharedData.root(), Options.of(Map.of("adv_demonstration.examplePrefix", "true")),
        "counterfactual/main_verb/cf_only");
    List<ChatMessage> m = probes.get(0).request().messages();
    assertEquals(4, m.size());
    assertEquals("system", m.get(0).role());
    assertTrue(m.get(0).content().startsWith("You are a helpful, pattern-following assistant. For each sentence"));
    assertEquals("example_user", m.get(1).name());
    assertEquals("example_assistant", m.get(2).name());
    assertEquals("user", m.get(3).role());
    assertNull(m.get(3).name());
  }

  @Test
  void sharedSpuriousZeroReadsTheEntailBiasSeedZeroRecording() {
    AdvDemoScenario shared = ScenarioCatalog.all(true).stream()
        .filter(s -> s.id().equals("spurious/PP/zero")).findFirst().orElseThrow();
    assertEquals("spurious/PP/entail-bias/0", shared.fileKey(0, ""));
    assertEquals(MODEL + "_0.jsonl", shared.recordingFileName(MODEL, 0));
    AdvDemoScenario separate = ScenarioCatalog.all().stream()
        .filter(s -> s.id().equals("spurious/PP/zero")).findFirst().orElseThrow();
    assertEquals("spurious/PP_zero/0", separate.fileKey(0, ""));
    assertEquals(MODEL + ".jsonl", separate.recordingFileName(MODEL, 0));
  }

  @Test
  void spuriousRecordsAreSentYesFirst(@TempDir Path dir) throws Exception {
    Path root = rootWithTemplates(dir);
    Path in = root.resolve("adv_demonstration/spurious/PP/entail-bias/0.jsonl");
    Files.createDirectories(in.getParent());
    Files.writeString(in, String.join("\n",
        rec("a", "no"), rec("b", "yes"), rec("c", "no"), rec("d", "yes")) + "\n");
    List<Probe> probes = plan(root, Options.none(), "spurious/PP/entail-bias");
    assertEquals(List.of("yes", "yes", "no", "no"), probes.stream().map(p -> p.attribute("label")).toList());
    assertEquals(List.of("b", "d", "a", "c"),
        probes.stream().map(p -> p.request().messages().get(p.request().messages().size() - 1).content()).toList());
    assertEquals("spurious/PP/entail-bias/0#1", probes.get(1).attribute(Probe.REPLAY_POSITION));

    Files.writeString(in, rec("a", "no") + "\n" + rec("b", "yes") + "\n" + rec("c", "no") + "\n");
    DataException e = assertThrows(DataException.class, () -> plan(root, Options.none(), "spurious/PP/entail-bias"));
    assertEquals("label", e.field());
  }

  @Test
  void upstreamResultsCacheOptionWinsOverTheRecordings(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(MODEL + "_counterfactual.json"),
        "{\"main_verb_cf/42\": [1.0, 0.5], \"main_verb_cf\": {\"acc\": 0.0, \"rej\": 0.0}}");
    AdvDemonstrationResult plain = AdvDemonstrationRescoreTest.rescore(SharedData.root().resolve("generations"), Options.none());
    AdvDemonstrationResult cached = AdvDemonstrationRescoreTest.rescore(SharedData.root().resolve("generations"),
        Options.of(Map.of("adv_demonstration.upstreamResultsCache", dir.toString())));
    double a2333 = plain.file("counterfactual/main_verb_cf/2333").acc();
    double a10007 = plain.file("counterfactual/main_verb_cf/10007").acc();
    assertEquals(NumpySum.mean(new double[] {1.0, a2333, a10007}), cached.config("main_verb_cf").acc());
    assertEquals(plain.config("snli_premise_cf"), cached.config("snli_premise_cf"));
  }

  @Test
  void severalModelsNeedTheModelOption(@TempDir Path dir) throws Exception {
    Path gen = AdvDemonstrationRescoreTest.copyGenerations(dir);
    Path d = gen.resolve("adv_demonstration/counterfactual/main_verb_cf");
    Files.copy(d.resolve(MODEL + "_42.jsonl"), d.resolve("org_other-model_42.jsonl"));
    DataException e = assertThrows(DataException.class, () -> AdvDemonstrationRescoreTest.rescore(gen, Options.none()));
    assertEquals("model", e.field());
    AdvDemonstrationResult r = AdvDemonstrationRescoreTest.rescore(gen, Options.of(Map.of("adv_demonstration.model", MODEL)));
    assertEquals(81.13078054690203, r.score());
    AdvDemonstrationResult other = AdvDemonstrationRescoreTest.rescore(gen,
        Options.of(Map.of("adv_demonstration.model", "org/other-model")));
    assertNull(other.score());
    assertEquals(1, other.files().size());
  }

  private static String rec(String input, String label) {
    return "{\"input\": \"" + input + "\", \"label\": \"" + label + "\", \"option\": [\"yes\", \"no\"], "
        + "\"examples\": [[\"x\", \"yes\"]]}";
  }

  private static Path rootWithTemplates(Path dir) throws Exception {
    Path root = dir.resolve("root");
    Files.createDirectories(root.resolve("templates"));
    Files.copy(SharedData.file("templates/adv_demonstration.json"), root.resolve("templates/adv_demonstration.json"));
    return root;
  }
}
