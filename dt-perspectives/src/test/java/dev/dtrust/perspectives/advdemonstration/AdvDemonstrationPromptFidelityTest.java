package dev.dtrust.perspectives.advdemonstration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.core.data.DataRoot;
import dev.dtrust.core.json.Fingerprints;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.perspective.Extensions;
import dev.dtrust.core.perspective.Options;
import dev.dtrust.core.perspective.PlanContext;
import dev.dtrust.core.perspective.Probe;
import dev.dtrust.core.perspective.Selection;
import dev.dtrust.core.testing.SharedData;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Spec §10 items 1–5: every prompt upstream builds for the shipped records, by fingerprint. */
class AdvDemonstrationPromptFidelityTest {
  private static JsonNode expected;
  /** Probes of seed 42 by expected variant key (scenario id, plus _asr/_cacc for backdoor). */
  private static Map<String, List<Probe>> byVariant;
  private static PlanContext ctx;

  @BeforeAll
  static void planAll() {
    expected = SharedData.expected("adv_demonstration-gpt-3.5.json");
    ctx = new PlanContext(AdvDemonstrationPerspective.ID, DataRoot.of(SharedData.root()), Selection.full(),
        Options.none(), Extensions.none());
    byVariant = new LinkedHashMap<>();
    try (Stream<Probe> probes = new AdvDemonstrationPerspective().plan(ctx)) {
      probes.forEach(p -> {
        assertEquals(42, p.intAttribute("seed"), "only seed 42 inputs are shipped");
        String kind = p.stringAttribute("kind");
        String variant = kind.isEmpty() ? p.scenario() : p.scenario() + "_" + kind;
        byVariant.computeIfAbsent(variant, k -> new ArrayList<>()).add(p);
      });
    }
  }

  private static List<ChatMessage> messages(String variant, int index) {
    return byVariant.get(variant).get(index).request().messages();
  }

  @Test
  void item1_counterfactualWithCounterfactualDemo() {
    List<ChatMessage> m = messages("counterfactual/snli_premise/demo_cf", 0);
    assertEquals(38, m.size());
    assertEquals("6d01ebbff9a541811abf72bc916cdab41cb3f131049cc9ed4c5df17bd7e74d49", Fingerprints.of(m));
    assertSample("counterfactual/snli_premise/demo_cf", m);
  }

  @Test
  void item2_zeroShot() {
    List<ChatMessage> m = messages("counterfactual/snli_premise/zero", 0);
    assertEquals(2, m.size());
    assertEquals("d95f0f409f5f4bc31d5fd7076e4295ee7f6a5d7a7fe6ea992d3563993ef3d8f5", Fingerprints.of(m));
  }

  @Test
  void item3_counterfactualOnly() {
    List<ChatMessage> m = messages("counterfactual/main_verb/cf_only", 0);
    assertEquals(6, m.size());
    assertEquals("0b186c930bf7c6f79cc3ae2af7fb1e06564b17e27af368102a33d99e98ff5c56", Fingerprints.of(m));
  }

  @Test
  void item4_backdoorAndExperiment4() {
    List<ChatMessage> m = messages("backdoor/experiment1/badword/setup1_asr", 0);
    assertEquals(36, m.size());
    assertEquals("915d63bba0ad762ebf43416bed34d5d1b07ead78962edcdaaba1725ee425a220", Fingerprints.of(m));
    assertEquals("70b2f7e2ec7a592d95c7f61d3d8ee505afd8b310a01a12aa0bb3b2f9263edde2",
        Fingerprints.of(messages("backdoor/experiment4/badword/setup1_asr", 0)));
  }

  @Test
  void item5_everyVariantEveryRecord() {
    JsonNode fidelity = expected.get("prompt_fidelity");
    assertEquals(66, fidelity.size());
    Set<String> expectedKeys = new TreeSet<>();
    for (Iterator<String> it = fidelity.fieldNames(); it.hasNext(); ) {
      String variant = it.next();
      expectedKeys.add(variant);
      JsonNode e = fidelity.get(variant);
      List<Probe> probes = byVariant.get(variant);
      assertNotNull(probes, variant);
      assertEquals(e.get("n_probes_shipped").asInt(), probes.size(), variant);
      assertEquals(e.get("n_messages_first_probe").asInt(), probes.get(0).request().messages().size(), variant);
      Fingerprints.Joined all = Fingerprints.joined();
      for (int i = 0; i < probes.size(); i++) {
        List<ChatMessage> m = probes.get(i).request().messages();
        assertEquals(e.get("probe_sha256").get(i).asText(), Fingerprints.of(m), variant + " probe " + i);
        all.add(m);
      }
      assertEquals(e.get("all_probes_sha256").asText(), all.hex(), variant);
    }
    assertEquals(expectedKeys, new TreeSet<>(byVariant.keySet()), "planned variants");
  }

  @Test
  void everySampleMessageList() {
    JsonNode samples = expected.get("sample_prompts");
    for (Iterator<String> it = samples.fieldNames(); it.hasNext(); ) {
      String variant = it.next();
      assertEquals(0, samples.get(variant).get("record_index").asInt());
      assertSample(variant, messages(variant, 0));
    }
  }

  @Test
  void generationParameters() {
    JsonNode kw = expected.get("sample_prompts").get("counterfactual/snli_premise/demo").get("call_kwargs");
    ChatRequest r = byVariant.get("counterfactual/snli_premise/demo").get(0).request();
    assertEquals(kw.get("temperature").asDouble(), r.temperature());
    assertEquals(kw.get("max_tokens").asInt(), r.maxTokens());
    assertEquals(kw.get("n").asInt(), r.n());
    assertNull(r.topP());
    assertNull(r.stop());
    assertNull(r.seed());
  }

  @Test
  void backdoorRunsAsrBeforeCaccAndReplayPositionsNameTheRecording() {
    List<Probe> asr = byVariant.get("backdoor/experiment1/badword/setup1_asr");
    assertEquals("backdoor/experiment1/sst-2_setup1_badword_asr/42#0", asr.get(0).attribute(Probe.REPLAY_POSITION));
    assertEquals("positive", asr.get(0).attribute("label"));
    assertEquals("counterfactual/snli_premise_cf/42#2",
        byVariant.get("counterfactual/snli_premise/demo_cf").get(2).attribute(Probe.REPLAY_POSITION));
    assertEquals("counterfactual/main_verb_cf_only/42#0",
        byVariant.get("counterfactual/main_verb/cf_only").get(0).attribute(Probe.REPLAY_POSITION));
  }

  @Test
  void absentSeedsAndSpuriousInputsAreReportedSkipped() {
    Set<String> missing = new TreeSet<>();
    ctx.skipped().forEach(s -> missing.add(s.scenario() + " " + s.missing()));
    assertTrue(missing.contains("spurious/PP/entail-bias adv_demonstration/spurious/PP/entail-bias/0.jsonl"));
    assertTrue(missing.contains("spurious/PP/zero adv_demonstration/spurious/PP/entail-bias/0.jsonl"));
    assertTrue(missing.contains(
        "counterfactual/snli_premise/demo_cf adv_demonstration/counterfactual/snli_premise_cf/2333.jsonl"));
    assertTrue(missing.contains(
        "backdoor/experiment1/badword/setup1 adv_demonstration/backdoor/experiment1/sst-2_setup1_badword_cacc/10007.jsonl"));
  }

  private static void assertSample(String variant, List<ChatMessage> actual) {
    JsonNode m = expected.get("sample_prompts").get(variant).get("messages");
    assertEquals(m.size(), actual.size(), variant);
    for (int i = 0; i < m.size(); i++) {
      JsonNode e = m.get(i);
      ChatMessage a = actual.get(i);
      assertEquals(e.get("role").asText(), a.role(), variant + " message " + i);
      assertEquals(e.get("content").asText(), a.content(), variant + " message " + i);
      assertEquals(e.has("name") ? e.get("name").asText() : null, a.name(), variant + " message " + i);
    }
  }
}
