package dev.dtrust.perspectives.ood;

import dev.dtrust.core.data.DataException;
import dev.dtrust.core.data.FileTasks;
import dev.dtrust.core.data.DataRoot;
import dev.dtrust.core.data.Templates;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.perspective.Options;
import dev.dtrust.core.perspective.Perspective;
import dev.dtrust.core.perspective.PerspectiveResult;
import dev.dtrust.core.perspective.PlanContext;
import dev.dtrust.core.perspective.Probe;
import dev.dtrust.core.perspective.ProbeOutcome;
import dev.dtrust.core.perspective.RecordingSink;
import dev.dtrust.core.perspective.Scenario;
import dev.dtrust.core.perspective.ScoreContext;
import dev.dtrust.core.perspective.Skipped;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Out-of-distribution robustness (spec ood.md): sentiment of style-transformed sentences (zero-shot
 * and 8-shot) and multiple-choice questions about events after the training cut-off (standard,
 * "I don't know" option, 5-shot).
 *
 * <p>Options ({@code ood.<name>}): {@code promptForm} = {@code RECORDED} (default, the wording of
 * the recordings) | {@code UPSTREAM_HEAD} (HEAD's "taddext" typo); {@code model} = comma list of
 * the model parts of recording file names to rescore when a folder holds several models.
 */
public final class OodPerspective implements Perspective {
  /** The perspective id. */
  public static final String ID = "ood";

  static final String ATTR_GOLD = "gold";
  static final String ATTR_GOLD_CHOICE = "goldChoice";
  static final String ATTR_INDEX = "index";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Scenario> scenarios() {
    return OodScenarios.all().stream().map(OodScenario::scenario).toList();
  }

  @Override
  public Stream<Probe> plan(PlanContext ctx) {
    DataRoot root = ctx.dataRoot();
    PromptForm form = ctx.options().enumValue("promptForm", PromptForm.RECORDED);
    OodData data = new OodData(root);
    return OodScenarios.all().stream()
        .filter(s -> ctx.runnable(s.scenario()))
        .flatMap(
            s -> {
              OodPromptBuilder builder = new OodPromptBuilder(root.templates(ID), form);
              return builder.prompts(s, data).stream().map(p -> probe(s, p, builder));
            });
  }

  private static Probe probe(OodScenario s, OodPrompt p, OodPromptBuilder builder) {
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put(ATTR_INDEX, p.index());
    attrs.put(ATTR_GOLD, p.gold());
    if (p.goldChoice() != null) {
      attrs.put(ATTR_GOLD_CHOICE, p.goldChoice());
    }
    return new Probe(ID, s.id(), "i=" + p.index(), builder.request(p.messages()), attrs);
  }

  @Override
  public PerspectiveResult score(ScoreContext ctx, List<ProbeOutcome> outcomes) {
    OodScorer scorer = new OodScorer(ctx.dataRoot().templates(ID));
    OodScenario current = null;
    OodScorer.Tally tally = null;
    for (ProbeOutcome o : outcomes) {
      Probe probe = o.probe();
      if (current == null || !current.id().equals(probe.scenario())) {
        if (tally != null) {
          tally.close(Map.of());
        }
        current = OodScenarios.byId(probe.scenario()).orElseThrow(
            () -> new IllegalStateException("not an OOD scenario: " + probe.scenario()));
        tally = scorer.open(current);
      }
      List<String> texts = o.texts();
      if (!o.answered() || texts.isEmpty()) {
        tally.fail();
        continue;
      }
      Object choice = probe.attribute(ATTR_GOLD_CHOICE);
      OodPrompt p = new OodPrompt(probe.intAttribute(ATTR_INDEX), probe.request().messages(),
          probe.stringAttribute(ATTR_GOLD), choice == null ? null : choice.toString());
      // n = 1: upstream reads choices[0] only
      tally.add(p, texts.get(0), probe.request().messages(), probe.key());
    }
    if (tally != null) {
      tally.close(Map.of());
    }
    return scorer.result(ctx.skipped());
  }

  @Override
  public PerspectiveResult rescore(ScoreContext ctx) throws IOException {
    Path generations = ctx.generationsDir().orElseThrow(
        () -> new IllegalStateException("rescore needs the generations folder"));
    DataRoot root = ctx.dataRoot();
    Templates templates = root.templates(ID);
    OodRecordings recordings = new OodRecordings(generations, models(ctx.options()));
    PromptForm form = ctx.options().enumValue("promptForm", PromptForm.RECORDED);
    OodData data = new OodData(root);
    OodScorer scorer = new OodScorer(templates);
    List<Skipped> skipped = new ArrayList<>(ctx.skipped());
    List<OodScenario> runnable = new ArrayList<>();
    List<String> files = new ArrayList<>();
    for (OodScenario s : OodScenarios.all()) {
      if (!ctx.selection().includes(ID, s.scenario())) {
        continue;
      }
      if (!root.exists(s.dataFile())) {
        skipped.add(new Skipped(s.id(), s.dataFile()));
        continue;
      }
      Optional<String> file = recordings.find(s);
      if (file.isEmpty()) {
        skipped.add(new Skipped(s.id(), "generations: " + s.recordingDescription()));
        continue;
      }
      runnable.add(s);
      files.add(file.get());
    }
    // scenarios' prompts are built and their recordings read in parallel (a builder each: it caches);
    // tallying stays in scenario order
    List<List<OodPrompt>> prompts = FileTasks.map(runnable, s -> new OodPromptBuilder(templates, form).prompts(s, data));
    List<List<OodRecordings.Recorded>> records = FileTasks.map(files, recordings::readAll);
    for (int i = 0; i < runnable.size(); i++) {
      OodScenario s = runnable.get(i);
      List<OodPrompt> scenarioPrompts = prompts.get(i);
      OodScorer.Tally tally = scorer.open(s);
      int matching = 0;
      String name = recordings.dir().resolve(files.get(i)).toString();
      for (OodRecordings.Recorded rec : records.get(i)) {
        if (rec.index() >= scenarioPrompts.size()) {
          throw new DataException(name, 0, "[" + rec.index() + "]",
              "more records than the " + scenarioPrompts.size() + " probes of " + s.id());
        }
        OodPrompt p = scenarioPrompts.get(rec.index());
        if (p.messages().equals(rec.messages())) {
          matching++;
        }
        tally.add(p, rec.content(), rec.messages(), "i=" + rec.index());
      }
      if (records.get(i).isEmpty()) {
        // upstream divides by the record count
        throw new DataException(name, 0, null, "no records");
      }
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("file", files.get(i));
      extra.put("prompts_matching", matching);
      tally.close(extra);
    }
    return scorer.result(skipped);
  }

  @Override
  public void readRecordings(Path generationsRoot, RecordingSink sink) throws IOException {
    OodRecordings recordings = new OodRecordings(generationsRoot, List.of());
    // scenario order = plan order, so repeated prompts arrive in the order the plan asks for them
    for (String file : recordings.allInPlanOrder()) {
      recordings.read(file, rec -> sink.byMessages(rec.messages(), List.of(rec.content())));
    }
  }

  private static List<String> models(Options options) {
    String v = options.get("model", "").trim();
    return v.isEmpty() ? List.of() : Arrays.stream(v.split("\\s*,\\s*")).filter(x -> !x.isEmpty()).toList();
  }

  /** The first probe's messages of a scenario (for tests and tools). */
  static List<ChatMessage> firstProbe(DataRoot root, OodData data, OodScenario s, PromptForm form) {
    return new OodPromptBuilder(root.templates(ID), form).prompts(s, data).get(0).messages();
  }
}
