package dev.dtrust.perspectives.advdemonstration;

import dev.dtrust.core.data.DataException;
import dev.dtrust.core.data.DataRoot;
import dev.dtrust.core.data.FileTasks;
import dev.dtrust.core.data.JsonLines;
import dev.dtrust.core.data.Templates;
import dev.dtrust.core.model.ChatMessage;
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
import dev.dtrust.perspectives.advdemonstration.AdvDemoScenario.Family;
import dev.dtrust.perspectives.advdemonstration.AnswerJudge.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * DecodingTrust's robustness against adversarial demonstrations ({@code adv_demonstration}):
 * counterfactual demonstrations, spurious correlations in demonstrations, and backdoored
 * demonstrations. Spec: {@code spec/adv_demonstration.md}.
 *
 * <p>Recordings hold answers but no prompts, so replay and rescoring are positional: the i-th
 * probe of a scenario/seed file is the i-th element of its recording (spec §4).
 *
 * <p>Options ({@code adv_demonstration.<name>}): {@code model} — whose recordings to rescore when
 * several are side by side; {@code examplePrefix=true} — upstream's unused layout with named
 * system turns; {@code sharedSpuriousZero=true} — spec quirk 6, zero-shot spurious recordings in
 * the entail-bias folder as seed 0; {@code upstreamResultsCache=<folder>} — spec quirk 5, rescoring
 * reuses upstream's cached per-seed results.
 */
public final class AdvDemonstrationPerspective implements Perspective {
  /** The perspective id. */
  public static final String ID = "adv_demonstration";

  private static final int MAX_FAILURES = 5;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Scenario> scenarios() {
    return ScenarioCatalog.all().stream().map(AdvDemoScenario::toScenario).toList();
  }

  private static List<AdvDemoScenario> catalog(Options options) {
    return ScenarioCatalog.all(options.flag("sharedSpuriousZero", false));
  }

  /** One input file of a scenario to plan. */
  private record Unit(AdvDemoScenario scenario, int seed, String suffix) {}

  @Override
  public Stream<Probe> plan(PlanContext ctx) {
    DataRoot root = ctx.dataRoot();
    List<Unit> units = new ArrayList<>();
    for (AdvDemoScenario s : catalog(ctx.options())) {
      if (!ctx.selected(s.toScenario())) {
        continue;
      }
      for (int seed : s.seeds()) {
        for (String suffix : s.suffixes()) {
          String rel = s.inputFile(seed, suffix);
          if (root.exists(rel)) {
            units.add(new Unit(s, seed, suffix));
          } else {
            ctx.skip(s.id(), rel); // DESIGN §4: never guessed (spurious inputs are absent upstream)
          }
        }
      }
    }
    if (units.isEmpty()) {
      return Stream.empty();
    }
    Templates templates = root.templates(ID);
    PromptBuilder prompts = new PromptBuilder(templates, ctx.options().flag("examplePrefix", false));
    return units.stream().flatMap(u -> probes(root, prompts, u).stream());
  }

  private static List<Probe> probes(DataRoot root, PromptBuilder prompts, Unit u) {
    AdvDemoScenario s = u.scenario();
    String task = prompts.task(s.task());
    List<DemoRecord> records = sendOrder(root, s, u.seed(), u.suffix());
    String fileKey = s.fileKey(u.seed(), u.suffix());
    String kind = u.suffix().isEmpty() ? "" : u.suffix().substring(1);
    List<Probe> out = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      DemoRecord r = records.get(i);
      List<ChatMessage> messages = prompts.messages(task, PromptBuilder.demos(s, r), r.input());
      Map<String, Object> attrs = new LinkedHashMap<>();
      attrs.put("label", r.label());
      attrs.put("seed", u.seed());
      attrs.put("kind", kind);
      attrs.put("fileKey", fileKey);
      attrs.put("index", i);
      attrs.put("line", r.line());
      attrs.put(Probe.REPLAY_POSITION, fileKey + "#" + i);
      String key = "seed=" + u.seed() + (kind.isEmpty() ? "" : "/kind=" + kind) + "/record=" + i;
      out.add(new Probe(ID, s.id(), key, prompts.request(messages), attrs));
    }
    return out;
  }

  /**
   * The records of one input file in send order: file order, except spurious files, which send
   * every {@code yes} record first, then the others (spec §2, {@code test_sc_hydra.py}).
   */
  private static List<DemoRecord> sendOrder(DataRoot root, AdvDemoScenario s, int seed, String suffix) {
    String rel = s.inputFile(seed, suffix);
    List<DemoRecord> records;
    try (Stream<JsonLines.Line> lines = root.jsonLines(rel)) {
      records = lines.map(DemoRecord::parse).toList();
    }
    if (s.family() != Family.SPURIOUS) {
      return records;
    }
    List<DemoRecord> yes = new ArrayList<>();
    List<DemoRecord> rest = new ArrayList<>();
    for (DemoRecord r : records) {
      (r.label().equals("yes") ? yes : rest).add(r);
    }
    if (yes.size() != rest.size()) {
      // upstream asserts equal halves before sending anything
      throw new DataException(root.name(rel), 0, "label",
          "a spurious file needs as many 'yes' records as others; found " + yes.size() + " and " + rest.size());
    }
    List<DemoRecord> out = new ArrayList<>(yes);
    out.addAll(rest);
    return out;
  }

  @Override
  public PerspectiveResult score(ScoreContext ctx, List<ProbeOutcome> outcomes) {
    List<AdvDemoScenario> catalog = catalog(ctx.options());
    AnswerJudge judge = new AnswerJudge(ctx.dataRoot().templates(ID));
    Map<String, int[]> tallies = new LinkedHashMap<>(); // n, correct, refusals, failed
    List<FailureExample> refusals = new ArrayList<>();
    List<FailureExample> wrong = new ArrayList<>();
    boolean anyFailed = false;
    for (ProbeOutcome o : outcomes) {
      Probe p = o.probe();
      int[] t = tallies.computeIfAbsent(p.stringAttribute("fileKey"), k -> new int[4]);
      t[0]++;
      if (!o.answered() || o.texts().isEmpty()) {
        t[3]++;
        anyFailed = true;
        continue;
      }
      String answer = o.texts().get(0);
      Verdict v = judge.judge(answer, p.stringAttribute("label"));
      if (v == Verdict.CORRECT) {
        t[1]++;
      } else {
        if (v == Verdict.REFUSAL) {
          t[2]++;
        }
        List<FailureExample> into = v == Verdict.REFUSAL ? refusals : wrong;
        if (into.size() < MAX_FAILURES) {
          into.add(new FailureExample(p.scenario(), p.key(), p.request().messages(), answer));
        }
      }
    }
    Map<String, FileScore> files = new LinkedHashMap<>();
    tallies.forEach((k, t) -> files.put(k, t[3] > 0
        ? FileScore.skipped(k, t[0], t[3] + " of " + t[0] + " probes failed; the seed is not scored")
        : FileScore.scored(k, t[0], t[1], t[2])));
    List<FailureExample> failures = new ArrayList<>(refusals);
    for (FailureExample w : wrong) {
      if (failures.size() < MAX_FAILURES) {
        failures.add(w);
      }
    }
    boolean leaderboardSkipped = false;
    for (Skipped sk : ctx.skipped()) {
      for (AdvDemoScenario s : catalog) {
        if (s.id().equals(sk.scenario()) && s.leaderboard()) {
          leaderboardSkipped = true;
        }
      }
    }
    return new AdvDemonstrationScorer(catalog, files)
        .result(!anyFailed && !leaderboardSkipped, ctx.skipped(), failures, Map.of());
  }

  @Override
  public PerspectiveResult rescore(ScoreContext ctx) throws IOException {
    Path generations = ctx.generationsDir()
        .orElseThrow(() -> new IllegalArgumentException("rescore needs the recorded generations folder"));
    List<AdvDemoScenario> catalog = catalog(ctx.options());
    List<AdvDemoScenario> selected = new ArrayList<>();
    for (AdvDemoScenario s : catalog) {
      if (ctx.selection().includes(ID, s.toScenario())) {
        selected.add(s);
      }
    }
    DataRoot root = ctx.dataRoot();
    AnswerJudge judge = new AnswerJudge(root.templates(ID));
    RecordingLayout layout = RecordingLayout.open(generations, selected, ctx.options().get("model", null));
    LabelIndex index = LabelIndex.of(root);
    List<RecordingJob> jobs = new ArrayList<>();
    for (AdvDemoScenario s : selected) {
      for (int seed : s.seeds()) {
        for (String suffix : s.suffixes()) {
          jobs.add(new RecordingJob(s, seed, suffix));
        }
      }
    }
    // the recordings are read and judged in parallel; the maps are filled in scenario/seed/suffix order
    List<FileScore> scored = FileTasks.map(jobs, j -> score(j, layout, root, index, judge));
    Map<String, FileScore> files = new LinkedHashMap<>();
    Map<String, Object> missing = new LinkedHashMap<>();
    for (int k = 0; k < jobs.size(); k++) {
      RecordingJob j = jobs.get(k);
      String fileKey = j.scenario().fileKey(j.seed(), j.suffix());
      if (scored.get(k) == null) {
        missing.put(fileKey, layout.model().isEmpty() ? j.scenario().recordingDir(j.suffix())
            : layout.relative(j.scenario(), j.seed(), j.suffix()));
      } else {
        files.put(fileKey, scored.get(k));
      }
    }
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("model", layout.model());
    extra.put("missing_recordings", missing);
    String cacheDir = ctx.options().get("upstreamResultsCache", "");
    Map<String, double[]> seedCache = cacheDir.isBlank() || layout.model().isEmpty()
        ? Map.of()
        : UpstreamSeedCache.read(Path.of(cacheDir), layout.model());
    return new AdvDemonstrationScorer(catalog, files, seedCache).result(true, List.of(), List.of(), extra);
  }

  /** One recording file of a rescore: scenario, seed and suffix. */
  private record RecordingJob(AdvDemoScenario scenario, int seed, String suffix) {}

  /** The score of one recording, or null when it is missing. */
  private static @Nullable FileScore score(
      RecordingJob j, RecordingLayout layout, DataRoot root, LabelIndex index, AnswerJudge judge) throws IOException {
    AdvDemoScenario s = j.scenario();
    String fileKey = s.fileKey(j.seed(), j.suffix());
    Path file = layout.file(s, j.seed(), j.suffix());
    if (file == null) {
      return null;
    }
    List<String> answers = RecordingFile.answers(file, file.toString());
    List<String> labels = labels(root, index, s, j.seed(), j.suffix());
    if (labels == null) {
      return FileScore.skipped(fileKey, answers.size(),
          "no labels: neither " + s.inputFile(j.seed(), j.suffix()) + " nor its entry in " + LabelIndex.FILE);
    }
    if (labels.size() != answers.size()) {
      // spec §4 / quirk 3: upstream scores a recording only when its length equals the record count
      return FileScore.skipped(fileKey, answers.size(),
          "the recording holds " + answers.size() + " answers, the input " + labels.size() + " records");
    }
    int correct = 0;
    int refusals = 0;
    for (int i = 0; i < answers.size(); i++) {
      Verdict v = judge.judge(answers.get(i), labels.get(i));
      if (v == Verdict.CORRECT) {
        correct++;
      } else if (v == Verdict.REFUSAL) {
        refusals++;
      }
    }
    return FileScore.scored(fileKey, answers.size(), correct, refusals);
  }

  /**
   * The gold labels of one input file in send order: from labels_index.json (spec §9: the shipped
   * inputs are cut), else from the input file itself; {@code null} when neither is there.
   */
  private static @Nullable List<String> labels(
      DataRoot root, LabelIndex index, AdvDemoScenario s, int seed, String suffix) {
    List<String> fromIndex = index.labels(s.inputPath(seed, suffix));
    if (fromIndex != null) {
      // Spec quirk 2: scored positionally against send order; the indexed spurious labels are yes-first.
      return fromIndex;
    }
    if (!root.exists(s.inputFile(seed, suffix))) {
      return null;
    }
    return sendOrder(root, s, seed, suffix).stream().map(DemoRecord::label).toList();
  }

  @Override
  public void readRecordings(Path generationsRoot, RecordingSink sink) throws IOException {
    List<AdvDemoScenario> catalog = ScenarioCatalog.all();
    RecordingLayout layout = RecordingLayout.open(generationsRoot, catalog, null);
    for (AdvDemoScenario s : catalog) {
      for (int seed : s.seeds()) {
        for (String suffix : s.suffixes()) {
          Path file = layout.file(s, seed, suffix);
          if (file == null) {
            continue;
          }
          List<String> answers = RecordingFile.answers(file, file.toString());
          String key = s.fileKey(seed, suffix);
          for (int i = 0; i < answers.size(); i++) {
            sink.byPosition(key, i, List.of(answers.get(i)));
          }
        }
      }
    }
  }
}
