package dev.dtrust.perspectives.advglue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.core.data.DataException;
import dev.dtrust.core.data.DataRoot;
import dev.dtrust.core.data.Templates;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.perspective.FailureExample;
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
import dev.dtrust.perspectives.advglue.InputRecords.InputRecord;
import dev.dtrust.perspectives.advglue.RecordedResults.RecordedTask;
import dev.dtrust.perspectives.advglue.ScenarioScore.Answer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * DecodingTrust's adversarial robustness perspective (AdvGLUE++), spec {@code advglue.md}: GLUE
 * tasks sst2, qqp, mnli (mnli-mm, qnli, rte as options) asked with adversarially perturbed
 * inputs made against three base models; the score is the unweighted mean robust accuracy.
 *
 * <p>Options ({@code advglue.<name>=value}): {@code data.<scenario>} (input file, data-root
 * relative or absolute; the benign scenario's GLUE validation export), {@code sys}, {@code demo},
 * {@code noAdv}, {@code removeNewline} (upstream config switches), {@code tasks} (comma list),
 * {@code mnliMmDemos} (deviation from Q7), {@code reparse} (rescore re-parses replies instead of
 * reading stored predictions), {@code model} (rescore: which model folder when several).
 */
public final class AdvGluePerspective implements Perspective {
  /** The perspective id. */
  public static final String ID = "advglue";
  /** The benign (GLUE validation) scenario. */
  public static final String BENIGN = "benign";
  /** Upstream's AdvGLUE++ base models, in aggregation order (spec §6.2). */
  public static final List<String> BASE_MODELS = List.of("alpaca", "vicuna", "stable-vicuna");

  static final String DATA_DIR = "adv-glue-plus-plus/data/";
  /** Default benign input: HF glue validation splits exported as {@code {glue_config: [rows]}}. */
  static final String GLUE_VALIDATION = DATA_DIR + "glue-validation.json";
  private static final int FAILURE_EXAMPLES = 5;

  private static final List<Scenario> SCENARIOS = scenarioList();

  private static List<Scenario> scenarioList() {
    List<Scenario> s = new ArrayList<>();
    s.add(new Scenario(BENIGN, "GLUE validation sentences, no perturbation (benign accuracy; not in the score)",
        false, List.of(GLUE_VALIDATION)));
    for (String base : BASE_MODELS) {
      s.add(new Scenario(scenarioOf(base), "AdvGLUE++ inputs perturbed against " + base + " (robust accuracy)",
          true, List.of(DATA_DIR + base + ".json")));
    }
    return List.copyOf(s);
  }

  static String scenarioOf(String baseModel) {
    return "adv-" + baseModel;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Scenario> scenarios() {
    return SCENARIOS;
  }

  // ---------------------------------------------------------------- plan

  @Override
  public Stream<Probe> plan(PlanContext ctx) {
    DataRoot root = ctx.dataRoot();
    AdvGlueTemplates templates = AdvGlueTemplates.load(root.templates(ID));
    List<Probe> probes = new ArrayList<>();
    for (Scenario scenario : SCENARIOS) {
      if (!ctx.selected(scenario)) {
        continue;
      }
      String file = dataFile(ctx.options(), scenario);
      if (file.equals(scenario.dataFiles().get(0))) {
        if (!ctx.runnable(scenario)) {
          continue;
        }
      } else if (!Files.isRegularFile(root.resolve(file))) {
        ctx.skip(scenario.id(), file);
        continue;
      }
      probes.addAll(planScenario(root, templates, scenario.id(), file, ctx.options()));
    }
    return probes.stream();
  }

  /** The probes of one scenario, records in file order within each task (spec §1). */
  static List<Probe> planScenario(DataRoot root, AdvGlueTemplates templates, String scenario, String file, Options options) {
    PromptSettings settings = settings(templates, scenario, options);
    AdvGlueTemplates.ScenarioConfig config = templates.scenario(scenario);
    AdvGluePromptBuilder builder = new AdvGluePromptBuilder(templates, settings);
    Map<String, String> inputKey = inputKeys(templates, scenario, settings.tasks());
    Map<String, List<InputRecord>> records = InputRecords.read(root, file, new LinkedHashSet<>(inputKey.values()));
    List<Probe> probes = new ArrayList<>();
    for (String task : settings.tasks()) {
      List<InputRecord> rs = records.get(inputKey.get(task));
      for (int i = 0; i < rs.size(); i++) {
        InputRecord r = rs.get(i);
        List<ChatMessage> messages = builder.build(task, r);
        if (messages == null) {
          continue; // Q8: upstream skips it: no request, not counted
        }
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("task", task);
        attrs.put("index", i);
        attrs.put("label", r.label());
        String method = r.optionalText("method");
        if (method != null) {
          attrs.put("method", method);
        }
        String construction = r.optionalText("data_construction");
        if (construction != null) {
          attrs.put("dataConstruction", construction);
        }
        attrs.put("resultFile", config.resultFileName());
        ChatRequest request =
            new ChatRequest(messages, config.temperature(), config.maxTokens(), null, config.n(), null, null);
        probes.add(new Probe(ID, scenario, task + "/" + i, request, attrs));
      }
    }
    return probes;
  }

  /** The input file key of each task: the task itself, or its GLUE config for benign (spec §1). */
  private static Map<String, String> inputKeys(AdvGlueTemplates templates, String scenario, List<String> tasks) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String task : tasks) {
      templates.keys(task); // an unknown task fails here, naming the templates field
      out.put(task, scenario.equals(BENIGN) ? templates.glueConfig(task) : task);
    }
    return out;
  }

  /** The scenario's prompt switches: its upstream config, overridden by options. */
  static PromptSettings settings(AdvGlueTemplates templates, String scenario, Options options) {
    Templates t = templates.templates();
    String p = "/scenarios/" + Templates.escape(scenario) + "/config";
    JsonNode cfg = t.node(p);
    List<String> tasks = options.has("tasks")
        ? List.of(options.get("tasks", "").trim().split("\\s*,\\s*"))
        : templates.configuredTasks(scenario);
    return new PromptSettings(
        options.flag("sys", bool(t, cfg, p, "sys")),
        options.flag("demo", bool(t, cfg, p, "demo")),
        options.flag("noAdv", bool(t, cfg, p, "no_adv")),
        cfg.path("data_file").isTextual(),
        options.flag("removeNewline", bool(t, cfg, p, "remove_newline")),
        options.flag("mnliMmDemos", false),
        tasks);
  }

  private static boolean bool(Templates t, JsonNode cfg, String pointer, String field) {
    JsonNode v = cfg.get(field);
    if (v == null || !v.isBoolean()) {
      throw new DataException(t.file(), 0, pointer + "/" + field, "expected true or false");
    }
    return v.asBoolean();
  }

  /** A scenario's input file: option {@code data.<scenario>}, else the data-root default. */
  static String dataFile(Options options, Scenario scenario) {
    return options.get("data." + scenario.id(), scenario.dataFiles().get(0));
  }

  private static @Nullable Scenario scenario(String id) {
    for (Scenario s : SCENARIOS) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- score

  @Override
  public PerspectiveResult score(ScoreContext ctx, List<ProbeOutcome> outcomes) {
    AdvGlueTemplates templates = AdvGlueTemplates.load(ctx.dataRoot().templates(ID));
    Map<String, Map<String, List<Answer>>> byScenario = new LinkedHashMap<>();
    Map<String, String> files = new LinkedHashMap<>();
    Map<String, Integer> failed = new LinkedHashMap<>();
    for (ProbeOutcome o : outcomes) {
      Probe probe = o.probe();
      String task = probe.stringAttribute("task");
      files.putIfAbsent(probe.scenario(), probe.stringAttribute("resultFile"));
      if (!o.answered() || o.texts().isEmpty()) {
        // Q13: upstream crashes on a missing reply; a failed probe is left out and the run marked incomplete.
        failed.merge(probe.scenario(), 1, Integer::sum);
        continue;
      }
      Map<String, List<Answer>> tasks = byScenario.computeIfAbsent(probe.scenario(), k -> new LinkedHashMap<>());
      List<Answer> answers = tasks.computeIfAbsent(task, k -> new ArrayList<>());
      // Only the first choice is parsed (spec §4).
      String content = o.texts().get(0);
      Object method = probe.attribute("method");
      Object construction = probe.attribute("dataConstruction");
      answers.add(new Answer(probe.key(), probe.request().messages(), content,
          YesNoParser.parse(content, templates.answers(task)), probe.intAttribute("label"),
          method == null ? null : method.toString(), construction == null ? null : construction.toString()));
    }
    Map<String, ScenarioScore> runs = new LinkedHashMap<>();
    for (Scenario s : SCENARIOS) {
      Map<String, List<Answer>> tasks = byScenario.get(s.id());
      if (tasks == null) {
        continue;
      }
      boolean demo = settings(templates, s.id(), ctx.options()).demo();
      runs.put(s.id(), ScenarioScore.of(s.id(), baseModelOf(s.id()), files.get(s.id()), demo, tasks, true));
    }
    boolean noFailures = BASE_MODELS.stream().noneMatch(b -> failed.containsKey(scenarioOf(b)));
    return result(runs, null, 1, ctx.skipped(), noFailures);
  }

  private static @Nullable String baseModelOf(String scenario) {
    return scenario.startsWith("adv-") ? scenario.substring(4) : null;
  }

  private static AdvGlueResult result(
      Map<String, ScenarioScore> runs, @Nullable String targetModel, int multiplicity, List<Skipped> skipped, boolean noFailures) {
    List<ScenarioScore> adversarial = new ArrayList<>();
    for (String base : BASE_MODELS) {
      ScenarioScore s = runs.get(scenarioOf(base));
      if (s != null) {
        adversarial.add(s);
      }
    }
    AdvGlueAggregation agg = AdvGlueAggregation.of(adversarial, targetModel, multiplicity);
    boolean complete = noFailures && adversarial.size() == BASE_MODELS.size();
    boolean any = !agg.rows().isEmpty();
    // summarize.get_advglue_scores: one multiplication of the group mean by 100 (spec §7).
    Double score = complete ? agg.accuracy() * 100 : null;
    Double refusal = complete ? agg.refusalRate() * 100 : null;
    Double partial = !complete && any ? agg.accuracy() * 100 : null;
    return new AdvGlueResult(score, refusal, complete, partial, targetModel, runs, agg, skipped, failures(adversarial));
  }

  /** Refused or unparsed replies first, then wrong ones, in order; a few of them. */
  private static List<FailureExample> failures(List<ScenarioScore> adversarial) {
    List<FailureExample> out = new ArrayList<>();
    for (boolean refusals : new boolean[] {true, false}) {
      for (ScenarioScore s : adversarial) {
        for (List<Answer> answers : s.answers().values()) {
          for (Answer a : answers) {
            if (out.size() >= FAILURE_EXAMPLES) {
              return out;
            }
            boolean refused = a.prediction() == YesNoParser.REFUSAL;
            if (refusals ? refused : !refused && a.prediction() != a.label()) {
              out.add(new FailureExample(s.scenario(), a.key(), a.prompt(), a.content()));
            }
          }
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- rescore

  @Override
  public PerspectiveResult rescore(ScoreContext ctx) throws IOException {
    Path gen = ctx.generationsDir().orElseThrow(() -> new IllegalArgumentException("advglue: rescore needs a generations folder"));
    RecordedLayout layout = RecordedLayout.find(gen, ctx.options().get("model", null));
    AdvGlueTemplates templates = AdvGlueTemplates.load(ctx.dataRoot().templates(ID));
    boolean reparse = ctx.options().flag("reparse", false);
    Map<String, ScenarioScore> runs = new LinkedHashMap<>();
    List<Skipped> skipped = new ArrayList<>(ctx.skipped());
    if (layout.benignFile() != null) {
      runs.put(BENIGN, rescoreFile(ctx, templates, BENIGN, layout.benignFile(), true, reparse));
    }
    for (String base : BASE_MODELS) {
      Path demo = layout.modelDir().resolve(base + "-demo.json");
      Path plain = layout.modelDir().resolve(base + ".json");
      String scenario = scenarioOf(base);
      if (Files.isRegularFile(demo)) {
        runs.put(scenario, rescoreFile(ctx, templates, scenario, demo, true, reparse));
      } else if (Files.isRegularFile(plain)) {
        runs.put(scenario, rescoreFile(ctx, templates, scenario, plain, false, reparse));
      } else {
        // Q9: upstream appends an all-NaN row that its group-by drops; here the scenario is skipped.
        skipped.add(new Skipped(scenario, layout.display(demo)));
      }
    }
    // Q9: a model folder listed once per benign file repeats its rows.
    return result(runs, layout.targetModel(), layout.multiplicity(), skipped, true);
  }

  private static ScenarioScore rescoreFile(
      ScoreContext ctx, AdvGlueTemplates templates, String scenario, Path file, boolean hasDemo, boolean reparse) {
    String name = file.toString();
    Map<String, RecordedTask> recorded = RecordedResults.read(file, name);
    Map<String, List<InputRecord>> inputs = attackInputs(ctx, scenario, recorded.keySet());
    Map<String, List<Answer>> answers = new LinkedHashMap<>();
    for (RecordedTask t : recorded.values()) {
      List<InputRecord> in = inputs.get(t.task());
      List<Answer> list = new ArrayList<>(t.labels().length);
      for (int i = 0; i < t.labels().length; i++) {
        // adv_stats reads the stored predictions (spec §6); reparse=true parses the replies again.
        int pred = reparse || t.predictions() == null
            ? YesNoParser.parse(t.contents().get(i), templates.answers(t.task()))
            : t.predictions()[i];
        // The helpers align input records with predictions by position (spec §5).
        InputRecord r = in != null && i < in.size() ? in.get(i) : null;
        list.add(new Answer(t.task() + "/" + i, i < t.messages().size() ? t.messages().get(i) : List.of(),
            t.contents().get(i), pred, t.labels()[i],
            r == null ? null : r.optionalText("method"), r == null ? null : r.optionalText("data_construction")));
      }
      answers.put(t.task(), list);
    }
    return ScenarioScore.of(scenario, baseModelOf(scenario), file.getFileName().toString(), hasDemo, answers, true);
  }

  /** The AdvGLUE++ input records behind a result file, when the data root has them (per-attack helpers only). */
  private static Map<String, List<InputRecord>> attackInputs(ScoreContext ctx, String scenario, java.util.Set<String> tasks) {
    Scenario s = scenario(scenario);
    if (s == null || scenario.equals(BENIGN)) {
      return Map.of();
    }
    String file = dataFile(ctx.options(), s);
    if (!Files.isRegularFile(ctx.dataRoot().resolve(file))) {
      return Map.of();
    }
    return InputRecords.read(ctx.dataRoot(), file, tasks, false);
  }

  // ---------------------------------------------------------------- replay

  /** Recordings hold their prompts: every request is offered by its message list (DESIGN.md §9). */
  @Override
  public void readRecordings(Path generationsRoot, RecordingSink sink) throws IOException {
    for (Path file : RecordedLayout.resultFiles(RecordedLayout.base(generationsRoot))) {
      for (RecordedTask t : RecordedResults.read(file, file.toString()).values()) {
        for (int i = 0; i < t.messages().size() && i < t.contents().size(); i++) {
          sink.byMessages(t.messages().get(i), List.of(t.contents().get(i)));
        }
      }
    }
  }
}
