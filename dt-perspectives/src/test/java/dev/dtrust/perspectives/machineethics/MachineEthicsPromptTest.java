package dev.dtrust.perspectives.machineethics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.core.data.DataRoot;
import dev.dtrust.core.json.Fingerprints;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.numerics.PythonRandom;
import dev.dtrust.core.perspective.Extensions;
import dev.dtrust.core.perspective.Options;
import dev.dtrust.core.perspective.PlanContext;
import dev.dtrust.core.perspective.Probe;
import dev.dtrust.core.perspective.Selection;
import dev.dtrust.core.perspective.Skipped;
import dev.dtrust.core.testing.SharedData;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Spec §11 acceptance 8 (prompt fidelity) and 9 (RNG). */
class MachineEthicsPromptTest {

  private static PlanContext context(Selection selection) {
    return new PlanContext(
        MachineEthicsPerspective.ID, DataRoot.of(SharedData.root()), selection, Options.none(), Extensions.none());
  }

  /** Acceptance 8: every sample prompt: first probe's messages, SHA-256, probe count, first label. */
  @Test
  void samplePromptsMatchUpstream() {
    JsonNode samples = SharedData.expected("machine_ethics-gpt-3.5.json").get("sample_prompts");
    List<String> names = new ArrayList<>();
    samples.fieldNames().forEachRemaining(names::add);
    PlanContext ctx = context(Selection.of(names));
    Map<String, List<Probe>> byScenario = new LinkedHashMap<>();
    new MachineEthicsPerspective().plan(ctx).forEach(p -> byScenario.computeIfAbsent(p.scenario(), k -> new ArrayList<>()).add(p));
    int checked = 0;
    for (String name : names) {
      JsonNode exp = samples.get(name);
      if (exp.has("error")) {
        // cm_train.csv is absent: the few-shot commonsense runs are skipped with the missing file
        assertFalse(byScenario.containsKey(name), name);
        assertTrue(ctx.skipped().contains(new Skipped(name, "machine_ethics/ethics/commonsense/cm_train.csv")), name);
        continue;
      }
      List<Probe> probes = byScenario.get(name);
      assertEquals(exp.get("n_probes_with_shipped_data").asInt(), probes.size(), name);
      Probe first = probes.get(0);
      List<ChatMessage> want = new ArrayList<>();
      for (JsonNode m : exp.get("messages")) {
        want.add(new ChatMessage(m.get("role").asText(), m.get("content").asText(), null));
      }
      assertEquals(want, first.request().messages(), name);
      assertEquals(exp.get("sha256").asText(), Fingerprints.of(first.request().messages()), name);
      assertEquals(exp.get("first_label").asText(), first.attribute("label"), name);
      JsonNode params = exp.get("call_params");
      assertEquals(params.get("temperature").asDouble(), first.request().temperature());
      assertEquals(params.get("max_tokens").asInt(), first.request().maxTokens());
      assertEquals(params.get("n").asInt(), first.request().n());
      checked++;
    }
    assertEquals(34, checked);
  }

  /** Every run of the spec is a listed scenario (so a named selection accepts it); 12 are the leaderboard's. */
  @Test
  void scenarioList() {
    List<dev.dtrust.core.perspective.Scenario> all = new MachineEthicsPerspective().scenarios();
    assertEquals(128, all.size());
    assertEquals(12, all.stream().filter(dev.dtrust.core.perspective.Scenario::leaderboard).count());
    List<String> ids = all.stream().map(dev.dtrust.core.perspective.Scenario::id).toList();
    SharedData.expected("machine_ethics-gpt-3.5.json").get("sample_prompts").fieldNames()
        .forEachRemaining(k -> assertTrue(ids.contains(k), k));
    var lb = all.stream().filter(dev.dtrust.core.perspective.Scenario::leaderboard)
        .map(sc -> EthicsScenario.parseId(sc.id()).orElseThrow().fileName()).toList();
    var required = new ArrayList<String>();
    DataRoot.of(SharedData.root()).templates("machine_ethics").texts("/leaderboard/required_files").forEach(required::add);
    assertEquals(new java.util.TreeSet<>(required), new java.util.TreeSet<>(lb));
  }

  /** The leaderboard selection plans the 11 runnable commonsense_short runs and skips the few-shot one. */
  @Test
  void leaderboardPlanSkipsTheFewShotRunForTheAbsentTrainFile() {
    PlanContext ctx = context(Selection.leaderboard());
    List<Probe> probes = new MachineEthicsPerspective().plan(ctx).toList();
    assertEquals(2109 + 10 * 200, probes.size());
    assertEquals(
        List.of(new Skipped("ethics_commonsense_short/few_shot_32_test_num0_jailbreak_0_evasive_0",
            "machine_ethics/ethics/commonsense/cm_train.csv")),
        ctx.skipped());
    assertTrue(probes.stream().allMatch(p -> p.scenario().startsWith("ethics_commonsense_short/")));
    assertEquals(probes.size(), probes.stream().map(p -> p.scenario() + "|" + p.key()).distinct().count());
  }

  /** Acceptance 9: CPython random with seed 100 reproduces every Python list of rng_test_vectors. */
  @Test
  void rngTestVectors() {
    JsonNode vectors = SharedData.expected("machine_ethics-gpt-3.5.json").get("rng_test_vectors");
    int checked = 0;
    for (Iterator<String> it = vectors.fieldNames(); it.hasNext(); ) {
      String call = it.next();
      List<Integer> want = new ArrayList<>();
      vectors.get(call).forEach(v -> want.add(v.asInt()));
      var m = java.util.regex.Pattern.compile("random\\.seed\\(100\\); random\\.sample\\(range\\((\\d+)\\),(\\d+)\\)").matcher(call);
      if (m.find()) {
        int n = Integer.parseInt(m.group(1));
        int k = Integer.parseInt(m.group(2));
        List<Integer> pop = IntStream.range(0, n).boxed().toList();
        assertEquals(want, new PythonRandom(100).sample(pop, k), call);
        checked++;
      } else if (call.contains("getrandbits(32)")) {
        PythonRandom r = new PythonRandom(100);
        List<Integer> got = new ArrayList<>();
        for (int i = 0; i < want.size(); i++) {
          got.add((int) r.getrandbits(32));
        }
        List<Long> wantLong = new ArrayList<>();
        vectors.get(call).forEach(v -> wantLong.add(v.asLong()));
        List<Long> gotLong = got.stream().map(x -> Integer.toUnsignedLong(x)).toList();
        assertEquals(wantLong, gotLong, call);
        checked++;
      }
    }
    String numpy = "np.random.seed(100); randint(6,11), randint(1,6) x2 (util labels, unused by prompts/scoring)";
    List<String> want = new ArrayList<>();
    vectors.get(numpy).forEach(v -> want.add(v.asText()));
    UtilLabels labels = new UtilLabels(100);
    assertEquals(want, List.of(labels.next(true), labels.next(false), labels.next(true), labels.next(false)));
    assertEquals(5, checked);
  }

  /** Q2 deviation option: long-only rows; the shipped file has none of them (cut for size). */
  @Test
  void longOnlyOptionReadsOnlyLongRows() {
    PlanContext ctx =
        new PlanContext(MachineEthicsPerspective.ID, DataRoot.of(SharedData.root()),
            Selection.of(List.of("ethics_commonsense_long/few_shot_0_test_num0_jailbreak_0_evasive_0")),
            Options.of(Map.of("machine_ethics.longOnly", "true")), Extensions.none());
    assertEquals(0, new MachineEthicsPerspective().plan(ctx).count());
    // upstream's ~bool quirk (Q2, the default) reads every row, short ones included
    PlanContext all =
        new PlanContext(MachineEthicsPerspective.ID, DataRoot.of(SharedData.root()),
            Selection.of(List.of("ethics_commonsense_long/few_shot_0_test_num0_jailbreak_0_evasive_0")),
            Options.none(), Extensions.none());
    assertEquals(2109, new MachineEthicsPerspective().plan(all).count());
  }
}
