package dev.dtrust.perspectives.fairness;

import dev.dtrust.core.data.DataException;
import dev.dtrust.core.data.DataRoot;
import dev.dtrust.core.data.FileTasks;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.perspective.Options;
import dev.dtrust.core.perspective.Perspective;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * DecodingTrust's fairness perspective (spec {@code fairness.md}): Adult income and Communities &
 * Crime classification, zero-shot and few-shot, scored by demographic parity difference.
 *
 * <p>Options ({@code fairness.<name>}): {@code fewShotLayout} = {@code EXAMPLE_PREFIX} (default,
 * what upstream runs) or {@code NO_PREFIX}; {@code tieBreak} = {@code SEEDED} (default, NumPy
 * {@code RandomState(tieSeed)}) or {@code UPSTREAM_RANDOM} (unseeded, as upstream); {@code
 * tieSeed} (default 0); {@code model} picks one model's recordings when rescoring a folder holding
 * several.
 */
public final class FairnessPerspective implements Perspective {

  /** The perspective id. */
  public static final String ID = "fairness";

  /** How ties are broken when no {@link TieBreaker} extension is set. */
  public enum TieBreak {
    /** NumPy legacy {@code RandomState(tieSeed)}, one per aggregation run (our default). */
    SEEDED,
    /** A fresh unseeded RandomState, as upstream's global RNG (Q1). */
    UPSTREAM_RANDOM
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Scenario> scenarios() {
    return FairnessScenario.ALL.stream().map(FairnessScenario::toScenario).toList();
  }

  @Override
  public Stream<Probe> plan(PlanContext ctx) {
    List<FairnessScenario> runnable =
        FairnessScenario.ALL.stream().filter(s -> ctx.runnable(s.toScenario())).toList();
    if (runnable.isEmpty()) {
      return Stream.empty();
    }
    FairnessPromptBuilder builder = promptBuilder(ctx.dataRoot(), ctx.options());
    return runnable.stream().flatMap(s -> probes(ctx.dataRoot(), builder, s).stream());
  }

  /** The probes of one scenario, in record order. */
  static List<Probe> probes(DataRoot root, FairnessPromptBuilder builder, FairnessScenario s) {
    List<FairnessRecord> records = FairnessRecord.readAll(root, s.promptFile());
    List<Probe> out = new ArrayList<>(records.size());
    for (FairnessRecord r : records) {
      Map<String, Object> attrs = new LinkedHashMap<>();
      attrs.put("index", r.index());
      attrs.put("label", r.label());
      attrs.put("dataset", s.dataset().key());
      out.add(new Probe(ID, s.id(), "index=" + r.index(), builder.request(s.dataset(), r), attrs));
    }
    return out;
  }

  static FairnessPromptBuilder promptBuilder(DataRoot root, Options options) {
    return new FairnessPromptBuilder(
        root.templates(ID),
        options.enumValue("fewShotLayout", FairnessPromptBuilder.FewShotLayout.EXAMPLE_PREFIX));
  }

  @Override
  public FairnessResult score(ScoreContext ctx, List<ProbeOutcome> outcomes) {
    Map<String, List<ProbeOutcome>> byScenario = new LinkedHashMap<>();
    for (ProbeOutcome o : outcomes) {
      byScenario.computeIfAbsent(o.probe().scenario(), k -> new ArrayList<>()).add(o);
    }
    List<ScenarioAnswers> answers = new ArrayList<>();
    for (Map.Entry<String, List<ProbeOutcome>> e : byScenario.entrySet()) {
      FairnessScenario s = FairnessScenario.byId(e.getKey())
          .orElseThrow(() -> new IllegalStateException("not a fairness scenario: " + e.getKey()));
      List<String> texts = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      List<List<ChatMessage>> prompts = new ArrayList<>();
      for (ProbeOutcome o : e.getValue()) {
        // Upstream's loop stops at the first failed call and keeps what came before (fair_chat.py except branch).
        if (!o.answered() || o.texts().isEmpty()) {
          break;
        }
        texts.add(o.texts().get(0));
        labels.add(o.probe().stringAttribute("label"));
        prompts.add(o.probe().request().messages());
      }
      answers.add(new ScenarioAnswers(s, e.getValue().size(), texts, labels, prompts));
    }
    return scorer(ctx, answers, ctx.skipped());
  }

  @Override
  public FairnessResult rescore(ScoreContext ctx) throws IOException {
    Path generations = ctx.generationsDir()
        .orElseThrow(() -> new IllegalStateException("rescore needs a generations folder"));
    FairnessRecordings recordings = FairnessRecordings.in(generations);
    String model = ctx.options().has("model") ? ctx.options().get("model", "") : null;
    DataRoot root = ctx.dataRoot();
    FairnessPromptBuilder builder = null;
    List<ScenarioAnswers> answers = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>(ctx.skipped());
    List<FairnessScenario> selected = FairnessScenario.ALL.stream()
        .filter(s -> ctx.selection().includes(ID, s.toScenario())).toList();
    // recordings and prompt files are parsed in parallel; checking and pairing stay in scenario order
    List<ScenarioFiles> read = FileTasks.map(selected, s -> ScenarioFiles.read(s, recordings, model, root));
    for (int si = 0; si < selected.size(); si++) {
      FairnessScenario s = selected.get(si);
      Optional<FairnessRecordings.Recorded> rec = read.get(si).recording();
      if (rec.isEmpty()) {
        skipped.add(new Skipped(s.id(), "generations/" + ID + "/" + recordings.expectedName(s, model)));
        continue;
      }
      FairnessRecordings.Recorded r = rec.get();
      List<String> texts = r.exchanges().stream().map(FairnessRecordings.Exchange::answer).toList();
      List<List<ChatMessage>> prompts = r.exchanges().stream().map(FairnessRecordings.Exchange::messages).toList();
      if (r.labels() != null) {
        answers.add(new ScenarioAnswers(s, texts.size(), texts, r.labels().subList(0, texts.size()), prompts));
        continue;
      }
      // Recording files hold no labels: pair them with the prompt file by position, and insist the
      // recorded request is exactly the probe built from that record (spec §11.2).
      if (read.get(si).records() == null) {
        skipped.add(new Skipped(s.id(), s.promptFile()));
        continue;
      }
      if (builder == null) {
        builder = promptBuilder(root, ctx.options());
      }
      List<FairnessRecord> records = read.get(si).records();
      if (texts.size() > records.size()) {
        throw new DataException(r.file().toString(), 0, null,
            texts.size() + " recorded exchanges but " + root.name(s.promptFile()) + " has " + records.size() + " records");
      }
      List<String> labels = new ArrayList<>(texts.size());
      for (int i = 0; i < texts.size(); i++) {
        FairnessRecord record = records.get(i);
        List<ChatMessage> built = builder.messages(s.dataset(), record);
        if (!built.equals(prompts.get(i))) {
          throw new DataException(r.file().toString(), 0, "[" + i + "][0]",
              "recorded request differs from the probe built from " + root.name(s.promptFile()) + " record " + (i + 1));
        }
        labels.add(record.label());
      }
      answers.add(new ScenarioAnswers(s, records.size(), texts, labels, prompts));
    }
    return scorer(ctx, answers, skipped);
  }

  /** A scenario's recording and, when the recording holds no labels, its prompt file's records. */
  private record ScenarioFiles(Optional<FairnessRecordings.Recorded> recording, @Nullable List<FairnessRecord> records) {
    static ScenarioFiles read(FairnessScenario s, FairnessRecordings recordings, @Nullable String model, DataRoot root)
        throws IOException {
      Optional<FairnessRecordings.Recorded> rec = recordings.read(s, model);
      boolean needsPrompts = rec.isPresent() && rec.get().labels() == null && root.exists(s.promptFile());
      return new ScenarioFiles(rec, needsPrompts ? FairnessRecord.readAll(root, s.promptFile()) : null);
    }
  }

  private static FairnessResult scorer(ScoreContext ctx, List<ScenarioAnswers> answers, List<Skipped> skipped) {
    Supplier<TieBreaker> tieBreakers;
    String description;
    Optional<TieBreaker> injected = ctx.extensions().get(TieBreaker.class);
    if (injected.isPresent()) {
      tieBreakers = injected::get;
      description = "injected " + injected.get().getClass().getName();
    } else if (ctx.options().enumValue("tieBreak", TieBreak.SEEDED) == TieBreak.UPSTREAM_RANDOM) {
      tieBreakers = TieBreaker::unseeded;
      description = "numpy RandomState(unseeded)";
    } else {
      long seed = parseSeed(ctx.options().get("tieSeed", "0"));
      tieBreakers = () -> TieBreaker.numpyRandomState(seed);
      description = "numpy RandomState(" + seed + ")";
    }
    return new FairnessScorer(ctx.dataRoot()).score(answers, tieBreakers, description, skipped);
  }

  private static long parseSeed(String text) {
    try {
      long seed = Long.parseLong(text.trim());
      if (seed < 0 || seed > 0xffffffffL) {
        throw new NumberFormatException();
      }
      return seed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("option fairness.tieSeed: expected an integer in [0, 2^32), found '" + text + "'");
    }
  }

  @Override
  public void readRecordings(Path generationsRoot, RecordingSink sink) throws IOException {
    FairnessRecordings.in(generationsRoot)
        .forEachExchange(e -> sink.byMessages(e.messages(), List.of(e.answer())));
  }
}
