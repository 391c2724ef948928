package dev.dtrust.perspectives.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.core.json.Fingerprints;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.perspective.Probe;
import dev.dtrust.core.perspective.Selection;
import dev.dtrust.core.testing.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Spec §10 items 2–5: every prompt of {@code sample_prompts} is built exactly (messages, SHA-256). */
class PrivacyPromptFingerprintTest {

  private static Path root;
  private static JsonNode items;
  private static final Map<String, List<Probe>> PLANS = new HashMap<>();

  @BeforeAll
  static void load() {
    root = SharedData.root();
    items = SharedData.expected("privacy-gpt-3.5.json").get("sample_prompts").get("items");
  }

  private static List<Probe> planOf(String scenario, boolean reseed) {
    // jailbreak scenarios of one config are planned together (one config run, spec §3.2)
    String group = scenario.startsWith("pii_jailbreak.") ? scenario.substring(0, scenario.lastIndexOf('.')) : scenario;
    List<String> ids = new ArrayList<>();
    if (group.equals(scenario)) {
      ids.add(scenario);
    } else {
      for (int jb = 0; jb < 10; jb++) {
        ids.add(group + ".jb" + jb);
      }
    }
    return PLANS.computeIfAbsent(group + "/" + reseed, k -> PrivacyTestSupport.plan(
        root, Selection.of(ids), Map.of("privacy.reseedPerPiiType", String.valueOf(reseed))));
  }

  private static Probe find(List<Probe> plan, String scenario, String key) {
    for (Probe p : plan) {
      if (p.scenario().equals(scenario) && p.key().equals(key)) {
        return p;
      }
    }
    throw new AssertionError("no probe " + scenario + " " + key);
  }

  private static List<ChatMessage> messages(JsonNode arr) {
    List<ChatMessage> out = new ArrayList<>();
    arr.forEach(m -> out.add(new ChatMessage(m.get("role").asText(), m.get("content").asText(),
        m.has("name") ? m.get("name").asText() : null)));
    return out;
  }

  private static String enronScenario(String promptType) {
    return "enron." + promptType;
  }

  private static String piiScenario(String config, int jb) {
    String mode = switch (config.replace("pii_jailbreak_", "pii_")) {
      case "pii_zeroshot" -> "0shotattack";
      case "pii_fewshot_protect" -> "3shotprotect";
      case "pii_fewshot_attack" -> "3shotattack";
      default -> throw new AssertionError(config);
    };
    return jb < 0 ? "pii." + mode : "pii_jailbreak." + mode + ".jb" + jb;
  }

  @Test
  void enronPromptsMatchSamples() {
    int checked = 0;
    for (JsonNode item : items) {
      String scenario = item.get("scenario").asText();
      if (!scenario.startsWith("email_extraction_")) {
        continue;
      }
      if (item.has("absent")) {
        // context scenarios: absent data, skipped (spec §9)
        continue;
      }
      String id = enronScenario(item.get("prompt_type").asText());
      List<Probe> plan = planOf(id, true);
      // all 3294 probes built, the tail batch of 4 is never sent (Q7)
      assertEquals(item.get("n_probes").asInt() / 5 * 5, plan.size(), id);
      Probe p = find(plan, id, "i=" + item.get("probe_index").asInt());
      assertEquals(messages(item.get("messages")), p.request().messages(), id);
      assertEquals(item.get("sha256").asText(), Fingerprints.of(p.request().messages()), id);
      assertEquals(item.get("gt-email").asText(), p.attribute("gt-email"));
      assertEquals(item.get("gt-name").asText(), p.attribute("gt-name"));
      assertEquals(1.0, p.request().temperature());
      assertEquals(16, p.request().maxTokens());
      assertEquals(1, p.request().n());
      checked++;
    }
    assertEquals(24, checked);
  }

  @Test
  void piiPromptsMatchSamplesUnderBothRngRules() {
    int checked = 0;
    for (JsonNode item : items) {
      String scenario = item.get("scenario").asText();
      if (!scenario.startsWith("pii_") || scenario.startsWith("pii_jailbreak")) {
        continue;
      }
      boolean reseed = item.get("rng_rule").asText().startsWith("reseed");
      String id = piiScenario(scenario, -1);
      String pp = item.get("personal_info").asText();
      List<Probe> plan = planOf(id, reseed);
      Probe p = find(plan, id, "pii=" + pp + "/i=" + item.get("probe_index").asInt());
      String what = id + " " + pp + " " + item.get("rng_rule").asText();
      if (item.has("messages")) {
        assertEquals(messages(item.get("messages")), p.request().messages(), what);
      }
      assertEquals(item.get("sha256").asText(), Fingerprints.of(p.request().messages()), what);
      assertEquals(item.get("gt").asText(), p.attribute("gt"), what);
      for (int i = 0; i < 5; i++) {
        assertEquals(item.get("gt_first5").get(i).asText(), find(plan, id, "pii=" + pp + "/i=" + i).attribute("gt"), what);
      }
      if (item.has("sha256_probe_99")) {
        assertEquals(item.get("sha256_probe_99").asText(),
            Fingerprints.of(find(plan, id, "pii=" + pp + "/i=99").request().messages()), what);
      }
      assertEquals(32, p.request().maxTokens());
      checked++;
    }
    assertEquals(3 * 23 * 2, checked);
  }

  @Test
  void jailbreakPromptsMatchSamples() {
    int checked = 0;
    for (JsonNode item : items) {
      String scenario = item.get("scenario").asText();
      if (!scenario.startsWith("pii_jailbreak")) {
        continue;
      }
      int jb = item.get("jb_idx").asInt();
      String id = piiScenario(scenario, jb);
      List<Probe> plan = planOf(id, true);
      Probe p = find(plan, id, "pii=" + item.get("personal_info").asText() + "/i=" + item.get("probe_index").asInt());
      if (item.has("messages")) {
        assertEquals(messages(item.get("messages")), p.request().messages(), id);
      }
      assertEquals(item.get("sha256").asText(), Fingerprints.of(p.request().messages()), id);
      assertEquals(item.get("gt").asText(), p.attribute("gt"), id);
      if (jb == 9) {
        assertFalse(p.request().messages().stream().anyMatch(m -> m.role().equals("system")), "jb 9 has no system message");
      }
      checked++;
    }
    assertEquals(30, checked);
  }

  @Test
  void understandingPromptsMatchSamples() {
    int checked = 0;
    for (JsonNode item : items) {
      String scenario = item.get("scenario").asText();
      if (!scenario.startsWith("understanding_q")) {
        continue;
      }
      String id = "understanding.q" + scenario.substring("understanding_q".length());
      String topic = item.get("topic").asText();
      List<Probe> plan = planOf(id, true);
      List<Probe> ofTopic = plan.stream().filter(p -> topic.equals(p.attribute("topic"))).toList();
      assertEquals(1700, ofTopic.size());
      Probe p = ofTopic.get(item.get("probe_index").asInt());
      assertEquals(item.get("word").asText(), p.attribute("word"));
      if (item.has("messages")) {
        assertEquals(messages(item.get("messages")), p.request().messages(), id);
      }
      assertEquals(item.get("sha256").asText(), Fingerprints.of(p.request().messages()), id + " " + topic);
      JsonNode all = item.get("sha256_all_17_word_probes");
      for (int w = 0; w < 17; w++) {
        Probe first = ofTopic.get(w * 100);
        assertEquals(all.get(w).asText(), Fingerprints.of(first.request().messages()), id + " " + topic + " word " + w);
        // the 100 repetitions are the same request
        assertEquals(first.request(), ofTopic.get(w * 100 + 99).request());
      }
      assertEquals(64, p.request().maxTokens());
      checked++;
    }
    assertEquals(24, checked);
  }

  @Test
  void contextScenariosAreSkippedForAbsentData() {
    var ctx = new dev.dtrust.core.perspective.PlanContext("privacy", dev.dtrust.core.data.DataRoot.of(root),
        Selection.of(List.of("enron.context-50", "enron.zero-shot-a")), dev.dtrust.core.perspective.Options.none(),
        dev.dtrust.core.perspective.Extensions.none());
    List<Probe> probes;
    try (var s = new PrivacyPerspective().plan(ctx)) {
      probes = s.toList();
    }
    assertEquals(3290, probes.size());
    assertEquals(1, ctx.skipped().size());
    assertEquals("enron.context-50", ctx.skipped().get(0).scenario());
    assertEquals("privacy/enron_data/context.json", ctx.skipped().get(0).missing());
    assertTrue(probes.stream().allMatch(p -> p.scenario().equals("enron.zero-shot-a")));
    assertNull(probes.get(0).request().topP());
  }
}
