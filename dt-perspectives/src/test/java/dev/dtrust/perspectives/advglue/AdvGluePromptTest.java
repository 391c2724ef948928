package dev.dtrust.perspectives.advglue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.core.data.DataException;
import dev.dtrust.core.data.DataRoot;
import dev.dtrust.core.json.CanonicalJson;
import dev.dtrust.core.json.Fingerprints;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.perspective.Extensions;
import dev.dtrust.core.perspective.Options;
import dev.dtrust.core.perspective.PlanContext;
import dev.dtrust.core.perspective.Probe;
import dev.dtrust.core.perspective.Selection;
import dev.dtrust.perspectives.advglue.InputRecords.InputRecord;
import dev.dtrust.perspectives.advglue.RecordedResults.RecordedTask;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Spec §10 items 1–3: prompts rebuilt byte-identical, fingerprints, variants. */
class AdvGluePromptTest {

  static List<Probe> planFull(DataRoot root) {
    PlanContext ctx = new PlanContext(AdvGluePerspective.ID, root, Selection.full(),
        Options.of(Map.of("advglue.data.benign", AdvGlueFixture.GLUE_STAND_IN)), Extensions.none());
    List<Probe> probes = new AdvGluePerspective().plan(ctx).toList();
    assertTrue(ctx.skipped().isEmpty(), () -> "skipped: " + ctx.skipped());
    return probes;
  }

  /** §10.1: every recorded request's messages, rebuilt from the data root, byte-equal (360 probes). */
  @Test
  void rebuildsEveryRecordedRequestByteIdentical() {
    DataRoot root = AdvGlueFixture.dataRoot();
    List<Probe> probes = planFull(root);
    assertEquals(360, probes.size());
    int i = 0;
    int compared = 0;
    for (int f = 0; f < AdvGlueFixture.FILES.length; f++) {
      String file = AdvGlueFixture.FILES[f];
      Map<String, RecordedTask> recorded =
          RecordedResults.read(AdvGlueFixture.root().resolve(AdvGlueFixture.RESPONDER + "/" + file), file);
      for (RecordedTask t : recorded.values()) {
        for (int k = 0; k < t.messages().size(); k++, i++) {
          Probe p = probes.get(i);
          assertEquals(AdvGlueFixture.SCENARIOS[f], p.scenario());
          assertEquals(file, p.attribute("resultFile"));
          assertEquals(t.task() + "/" + k, p.key());
          assertEquals(CanonicalJson.ofMessages(t.messages().get(k)), CanonicalJson.ofMessages(p.request().messages()),
              file + " " + p.key());
          assertEquals(t.labels()[k], p.intAttribute("label"));
          assertEquals(0.0, p.request().temperature());
          assertEquals(16, p.request().maxTokens());
          assertEquals(1, p.request().n());
          compared++;
        }
      }
    }
    assertEquals(360, compared);
  }

  /** §10.2: the 12 leaderboard sample prompts' fingerprints (messages only). */
  @Test
  void leaderboardFingerprints() {
    List<Probe> probes = planFull(AdvGlueFixture.dataRoot());
    Map<String, Probe> byId = new HashMap<>();
    for (Probe p : probes) {
      String file = p.stringAttribute("resultFile").replace(".json", "");
      byId.put(file + "/" + p.key(), p);
    }
    int n = 0;
    for (JsonNode s : AdvGlueFixture.expected().get("sample_prompts")) {
      if (!s.get("leaderboard").asBoolean()) {
        continue;
      }
      Probe p = byId.get(s.get("id").asText());
      assertNotNull(p, s.get("id").asText());
      assertEquals(s.get("sha256").asText(), Fingerprints.of(p.request().messages()), s.get("id").asText());
      assertEquals(s.get("request_body").get("messages").toString().length() > 0, true);
      n++;
    }
    assertEquals(12, n);
    assertEquals("b705725eb8b738d51147cd7b3a3fa9dd2045edfae4ca5e322ca82c2c361736cf",
        Fingerprints.of(byId.get("alpaca-demo/sst2/0").request().messages()));
    assertEquals("b5853fad04d96b3ed233bc144a7c10b5964274cce974a0afe653b40ce44035bb",
        Fingerprints.of(byId.get("glue-benign-demo/qqp/0").request().messages()));
    assertEquals("fd246fb3a1e830c4ccfe74697d3be7ea834d2708dfd801525d868e6b4f873d4d",
        Fingerprints.of(byId.get("stable-vicuna-demo/mnli/0").request().messages()));
  }

  private static final Pattern SOURCE = Pattern.compile("(.+) -> ([a-z0-9-]+)\\[(\\d+)\\]");

  /** §10.3: variant prompts (sys, demo=false, no_adv, remove_newline, semattack, qnli/rte, sentence1→premise). */
  @Test
  void variantPrompts() {
    DataRoot root = AdvGlueFixture.dataRoot();
    AdvGlueTemplates templates = AdvGlueTemplates.load(root.templates(AdvGluePerspective.ID));
    int built = 0;
    int skipped = 0;
    int errors = 0;
    for (JsonNode s : AdvGlueFixture.expected().get("sample_prompts")) {
      String id = s.get("id").asText();
      if (!id.startsWith("variant:")) {
        continue;
      }
      if (s.has("error")) {
        // Q7: mnli-mm has no demos: upstream's KeyError: 'mnli-mm'.
        assertEquals("KeyError: 'mnli-mm'", s.get("error").asText());
        AdvGluePromptBuilder b = new AdvGluePromptBuilder(templates, settings(null, List.of("mnli-mm"), false));
        List<InputRecord> recs = InputRecords.read(root, "adv-glue-plus-plus/data/alpaca.json", List.of("mnli-mm")).get("mnli-mm");
        DataException e = assertThrows(DataException.class, () -> b.build("mnli-mm", recs.get(0)));
        assertEquals("/demos/mnli-mm", e.field());
        // The documented deviation gives it mnli's demonstrations.
        List<ChatMessage> withMnli = new AdvGluePromptBuilder(templates, settings(null, List.of("mnli-mm"), true)).build("mnli-mm", recs.get(0));
        assertEquals(templates.demos("mnli"), withMnli.subList(0, 6));
        errors++;
        continue;
      }
      Matcher m = SOURCE.matcher(s.get("source").asText());
      assertTrue(m.matches(), id);
      String task = m.group(2);
      int index = Integer.parseInt(m.group(3));
      InputRecord record = InputRecords.read(root, m.group(1), List.of(task)).get(task).get(index);
      List<ChatMessage> messages = new AdvGluePromptBuilder(templates, settings(s.get("options"), List.of(task), false)).build(task, record);
      if (s.has("skipped")) {
        assertNull(messages, id);
        skipped++;
        continue;
      }
      assertNotNull(messages, id);
      List<ChatMessage> want = new ArrayList<>();
      for (JsonNode msg : s.get("messages")) {
        want.add(new ChatMessage(msg.get("role").asText(), msg.get("content").asText(), null));
      }
      assertEquals(CanonicalJson.ofMessages(want), CanonicalJson.ofMessages(messages), id);
      assertEquals(s.get("sha256").asText(), Fingerprints.of(messages), id);
      built++;
    }
    assertEquals(39, built);
    assertEquals(3, skipped);
    assertEquals(1, errors);
  }

  private static PromptSettings settings(JsonNode options, List<String> tasks, boolean mnliMmDemos) {
    boolean demo = options == null || options.path("demo").asBoolean(true);
    return new PromptSettings(
        options != null && options.path("sys").asBoolean(false),
        demo,
        options != null && options.path("no_adv").asBoolean(false),
        true,
        options != null && options.path("remove_newline").asBoolean(false),
        mnliMmDemos,
        tasks);
  }

  /** Q7 through the perspective: planning mnli-mm with demos fails naming the templates field. */
  @Test
  void mnliMmWithDemosFailsLikeUpstream() {
    DataRoot root = AdvGlueFixture.dataRoot();
    PlanContext ctx = new PlanContext(AdvGluePerspective.ID, root, Selection.of(List.of("adv-alpaca")),
        Options.of(Map.of("advglue.tasks", "mnli-mm")), Extensions.none());
    DataException e = assertThrows(DataException.class, () -> new AdvGluePerspective().plan(ctx).toList());
    assertEquals("/demos/mnli-mm", e.field());
    PlanContext fixed = new PlanContext(AdvGluePerspective.ID, root, Selection.of(List.of("adv-alpaca")),
        Options.of(Map.of("advglue.tasks", "mnli-mm", "advglue.mnliMmDemos", "true")), Extensions.none());
    assertEquals(10, new AdvGluePerspective().plan(fixed).count());
  }

  /** Options map onto upstream's switches: sys=true, demo=false, six tasks. */
  @Test
  void optionsReachThePrompt() {
    DataRoot root = AdvGlueFixture.dataRoot();
    PlanContext ctx = new PlanContext(AdvGluePerspective.ID, root, Selection.of(List.of("adv-alpaca")),
        Options.of(Map.of("advglue.sys", "true", "advglue.demo", "false", "advglue.tasks", "sst2,qqp,mnli,mnli-mm,qnli,rte")),
        Extensions.none());
    List<Probe> probes = new AdvGluePerspective().plan(ctx).toList();
    assertEquals(30 * 3 + 10 * 3, probes.size());
    Probe first = probes.get(0);
    assertEquals(2, first.request().messages().size());
    assertEquals("system", first.request().messages().get(0).role());
  }

  /** The benign scenario without its GLUE export is skipped with the missing path, never guessed. */
  @Test
  void benignWithoutGlueDataIsSkipped() {
    PlanContext ctx = new PlanContext(AdvGluePerspective.ID, AdvGlueFixture.dataRoot(), Selection.full(), Options.none(), Extensions.none());
    List<Probe> probes = new AdvGluePerspective().plan(ctx).toList();
    assertEquals(270, probes.size());
    assertEquals(1, ctx.skipped().size());
    assertEquals("benign", ctx.skipped().get(0).scenario());
    assertEquals(AdvGluePerspective.GLUE_VALIDATION, ctx.skipped().get(0).missing());
  }
}
