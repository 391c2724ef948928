package dev.dtrust.perspectives.toxicity;

import dev.dtrust.core.data.DataException;
import dev.dtrust.core.data.FileTasks;
import dev.dtrust.core.data.JsonLines;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.perspective.FailureExample;
import dev.dtrust.core.perspective.Options;
import dev.dtrust.core.perspective.Perspective;
import dev.dtrust.core.perspective.PlanContext;
import dev.dtrust.core.perspective.Probe;
import dev.dtrust.core.perspective.ProbeOutcome;
import dev.dtrust.core.perspective.RecordingSink;
import dev.dtrust.core.perspective.Scenario;
import dev.dtrust.core.perspective.ScoreContext;
import dev.dtrust.core.perspective.Selection;
import dev.dtrust.core.perspective.Skipped;
import dev.dtrust.core.toxicity.FakeSha256Scorer;
import dev.dtrust.core.toxicity.ToxicityScorer;
import dev.dtrust.core.toxicity.ToxicityScorers;
import dev.dtrust.core.toxicity.ToxicityScoringException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DecodingTrust's toxicity perspective (spec {@code toxicity.md}): RealToxicityPrompts and the
 * GPT-3.5/GPT-4-written toxic prompts under benign and adversarial system prompts (the eight
 * leaderboard runs), plus the 33-system-prompt study. Generation and refusal counting are exact;
 * toxicity comes from a pluggable {@link ToxicityScorer}.
 *
 * <p>Options ({@code toxicity.<name>}): {@code scorer} (a {@link ToxicityScorers} spec, default
 * {@code fake-sha256-v1}; a {@link ToxicityScorer} extension wins), {@code stripOutputs} (false),
 * {@code upstreamErrorSemantics} (false), {@code scorerAttempts} (4), {@code scorerBackoffMillis}
 * (1000), {@code substituteStudyRuns} (true), {@code model} (rescore: which model's recordings).
 */
public final class ToxicityPerspective implements Perspective {

  /** The perspective id. */
  public static final String ID = "toxicity";

  private static final Logger LOG = LoggerFactory.getLogger(ToxicityPerspective.class);
  private static final int WORST = 5;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Scenario> scenarios() {
    return ToxicityScenario.ALL.stream().map(ToxicityScenario::toScenario).toList();
  }

  @Override
  public Stream<Probe> plan(PlanContext ctx) {
    ToxicityTemplates templates = ToxicityTemplates.of(ctx.dataRoot().templates(ID));
    ToxicityPromptBuilder builder = new ToxicityPromptBuilder(templates);
    List<ToxicityScenario> runnable = new ArrayList<>();
    for (ToxicityScenario s : ToxicityScenario.ALL) {
      if (ctx.runnable(s.toScenario())) {
        templates.systemPrompt(s.template());
        templates.generation(s.id());
        runnable.add(s);
      }
    }
    return runnable.stream().flatMap(s -> probes(ctx, templates, builder, s));
  }

  private static Stream<Probe> probes(
      PlanContext ctx, ToxicityTemplates templates, ToxicityPromptBuilder builder, ToxicityScenario s) {
    ToxicityTemplates.Generation g = templates.generation(s.id());
    AtomicInteger index = new AtomicInteger();
    return ctx.dataRoot().jsonLines(s.dataFile()).map(line -> {
      int i = index.getAndIncrement();
      List<ChatMessage> messages = builder.messages(s.template(), builder.promptText(line));
      // One request with n completions (chat.py:335-352), temperature and max_tokens from the config.
      ChatRequest request = new ChatRequest(messages, g.temperature(), g.maxTokens(), null, g.n(), null, null);
      Map<String, Object> attrs = new LinkedHashMap<>();
      attrs.put("line", i);
      attrs.put("template", s.template());
      return new Probe(ID, s.id(), "line=" + i, request, attrs);
    });
  }

  @Override
  public ToxicityResult score(ScoreContext ctx, List<ProbeOutcome> outcomes) {
    try (Scoring scoring = Scoring.open(ctx)) {
      Map<String, List<ProbeOutcome>> byScenario = new LinkedHashMap<>();
      for (ToxicityScenario s : ToxicityScenario.ALL) {
        byScenario.put(s.id(), new ArrayList<>());
      }
      for (ProbeOutcome o : outcomes) {
        List<ProbeOutcome> list = byScenario.get(o.probe().scenario());
        if (list == null) {
          throw new IllegalStateException("probe of unknown toxicity scenario " + o.probe().scenario());
        }
        list.add(o);
      }
      Map<String, ToxicityRun> runs = new LinkedHashMap<>();
      for (Map.Entry<String, List<ProbeOutcome>> e : byScenario.entrySet()) {
        if (e.getValue().isEmpty()) {
          continue;
        }
        List<List<ScoredGeneration>> records = new ArrayList<>();
        int failed = 0;
        for (ProbeOutcome o : e.getValue()) {
          List<ChatMessage> prompt = o.probe().request().messages();
          if (!o.answered()) {
            // spec Q8 deviation: the probe is reported and left out; the run is incomplete.
            failed++;
            scoring.failed(e.getKey(), o.probe().key(), prompt, "model failure: " + o.failure());
            continue;
          }
          List<ScoredGeneration> scored = scoring.scoreAll(e.getKey(), o.probe().key(), prompt, o.texts());
          if (scored == null) {
            failed++;
          } else {
            records.add(scored);
          }
        }
        runs.put(e.getKey(), scoring.run(e.getKey(), null, records, failed));
      }
      return scoring.result(ctx, runs, ctx.skipped());
    }
  }

  @Override
  public ToxicityResult rescore(ScoreContext ctx) throws IOException {
    Path root = ctx.generationsDir()
        .orElseThrow(() -> new IllegalArgumentException("rescoring toxicity needs a generations folder"));
    Path folder = RecordedGenerations.folder(root);
    List<RecordedGenerations.RecordingFile> files = RecordedGenerations.scan(folder);
    String model = chooseModel(ctx.options(), files, folder);
    Map<String, RecordedGenerations.RecordingFile> byScenario = new LinkedHashMap<>();
    for (RecordedGenerations.RecordingFile f : files) {
      if (!f.model().equals(model) || !rescored(ctx.selection(), f.scenario())) {
        continue;
      }
      RecordedGenerations.RecordingFile prev = byScenario.putIfAbsent(f.scenario().id(), f);
      if (prev != null) {
        throw new DataException(folder.toString(), 0, null,
            "two recordings of scenario " + f.scenario().id() + ": " + prev.name() + " and " + f.name());
      }
    }
    try (Scoring scoring = Scoring.open(ctx)) {
      Map<String, ToxicityRun> runs = new LinkedHashMap<>();
      List<RecordedGenerations.RecordingFile> chosen = List.copyOf(byScenario.values());
      // the files are parsed in parallel; scoring (perhaps a rate-limited service) stays in order
      List<List<RecordedGenerations.Record>> parsed = FileTasks.map(chosen, f -> {
        try (Stream<RecordedGenerations.Record> stream = RecordedGenerations.read(f.path(), f.name())) {
          return stream.toList();
        }
      });
      for (int fi = 0; fi < chosen.size(); fi++) {
        RecordedGenerations.RecordingFile f = chosen.get(fi);
        List<List<ScoredGeneration>> records = new ArrayList<>();
        int failed = 0;
        for (RecordedGenerations.Record r : parsed.get(fi)) {
          List<ChatMessage> prompt = r.message() != null ? r.message()
              : List.of(ChatMessage.user(r.prompt() == null ? "" : r.prompt()));
          List<ScoredGeneration> scored = scoring.scoreAll(f.scenario().id(), "line=" + (r.line() - 1), prompt, r.texts());
          if (scored == null) {
            failed++;
          } else {
            records.add(scored);
          }
        }
        runs.put(f.scenario().id(), scoring.run(f.scenario().id(), f.name(), records, failed));
      }
      List<Skipped> skipped = new ArrayList<>();
      for (ToxicityScenario s : ToxicityScenario.ALL) {
        if (s.leaderboard() && ctx.selection().includes(ID, s.toScenario()) && !runs.containsKey(s.id())) {
          skipped.add(new Skipped(s.id(), RecordedGenerations.expectedName(s, model == null ? "<model>" : model)));
        }
      }
      return scoring.result(ctx, runs, skipped);
    }
  }

  /** Rescoring scores every recording found, unless scenarios were named. */
  private static boolean rescored(Selection selection, ToxicityScenario s) {
    return selection.kind() != Selection.Kind.NAMED || selection.includes(ID, s.toScenario());
  }

  private static String chooseModel(Options options, List<RecordedGenerations.RecordingFile> files, Path folder) {
    TreeSet<String> models = new TreeSet<>();
    files.forEach(f -> models.add(f.model()));
    if (options.has("model")) {
      String m = options.get("model", "");
      if (!models.contains(m)) {
        throw new DataException(folder.toString(), 0, null, "no recordings of model '" + m + "'; found " + models);
      }
      return m;
    }
    if (models.size() > 1) {
      throw new DataException(folder.toString(), 0, null,
          "recordings of several models " + models + "; choose one with the option toxicity.model=<name>");
    }
    return models.isEmpty() ? null : models.first();
  }

  @Override
  public void readRecordings(Path generationsRoot, RecordingSink sink) throws IOException {
    Path folder = RecordedGenerations.folder(generationsRoot);
    if (!java.nio.file.Files.isDirectory(folder)) {
      return;
    }
    for (RecordedGenerations.RecordingFile f : RecordedGenerations.scan(folder)) {
      try (Stream<RecordedGenerations.Record> stream = RecordedGenerations.read(f.path(), f.name())) {
        for (Iterator<RecordedGenerations.Record> it = stream.iterator(); it.hasNext(); ) {
          RecordedGenerations.Record r = it.next();
          // Recordings carry their prompts (spec §4): replay matches on the message list.
          if (r.message() != null) {
            sink.byMessages(r.message(), r.texts());
          }
        }
      }
    }
  }

  /** One scoring pass: the scorer, the per-generation rules, and the worst probes seen. */
  private static final class Scoring implements AutoCloseable {
    private final ToxicityScorer scorer;
    private final boolean ownsScorer;
    private final GenerationScorer generations;
    private final boolean substitute;
    private final List<FailureExample> failed = new ArrayList<>();
    private final List<Worst> worst = new ArrayList<>();
    private int failedProbes;

    private record Worst(double toxicity, FailureExample example) {}

    private Scoring(ToxicityScorer scorer, boolean owns, GenerationScorer generations, boolean substitute) {
      this.scorer = scorer;
      this.ownsScorer = owns;
      this.generations = generations;
      this.substitute = substitute;
    }

    static Scoring open(ScoreContext ctx) {
      Options o = ctx.options();
      ToxicityTemplates templates = ToxicityTemplates.of(ctx.dataRoot().templates(ID));
      ToxicityScorer scorer = ctx.extensions().get(ToxicityScorer.class).orElse(null);
      boolean owns = false;
      if (scorer == null) {
        if (!o.has("scorer")) {
          LOG.warn("no toxicity scorer configured: using the deterministic test scorer {} (not comparable)",
              FakeSha256Scorer.ID);
        }
        scorer = ToxicityScorers.byId(o.get("scorer", FakeSha256Scorer.ID));
        owns = true;
      }
      GenerationScorer gs = new GenerationScorer(
          scorer,
          new RefusalDetector(templates.refusalSubstrings()),
          new GenerationText(o.flag("stripOutputs", false), templates.stripRemove(), templates.stripCutAt()),
          o.flag("upstreamErrorSemantics", false),
          Integer.parseInt(o.get("scorerAttempts", "4").trim()),
          Duration.ofMillis(Long.parseLong(o.get("scorerBackoffMillis", "1000").trim())),
          d -> Thread.sleep(d.toMillis()));
      return new Scoring(scorer, owns, gs, o.flag("substituteStudyRuns", true));
    }

    /** Scores a probe's generations, or records it as failed and returns {@code null}. */
    List<ScoredGeneration> scoreAll(String scenario, String key, List<ChatMessage> prompt, List<String> texts) {
      List<ScoredGeneration> out = new ArrayList<>(texts.size());
      ScoredGeneration most = null;
      for (String t : texts) {
        ScoredGeneration s;
        try {
          s = generations.score(t);
        } catch (ToxicityScoringException e) {
          // spec Q3 deviation: never a silent −1; the probe is failed and the result incomplete.
          failed(scenario, key, prompt, "scorer " + scorer.id() + " failed: " + e.getMessage());
          return null;
        }
        out.add(s);
        if (s.scores() != null && (most == null || s.scores().toxicity() > most.scores().toxicity())) {
          most = s;
        }
      }
      if (most != null) {
        // one example per probe: its most toxic sample
        offerWorst(most.scores().toxicity(), new FailureExample(scenario, key, prompt, most.text()));
      }
      return out;
    }

    void failed(String scenario, String key, List<ChatMessage> prompt, String reason) {
      failedProbes++;
      if (failed.size() < WORST) {
        failed.add(new FailureExample(scenario, key, prompt, reason));
      }
    }

    private void offerWorst(double tox, FailureExample e) {
      if (worst.size() == WORST && tox <= worst.get(WORST - 1).toxicity()) {
        return;
      }
      int i = 0;
      while (i < worst.size() && worst.get(i).toxicity() >= tox) {
        i++;
      }
      worst.add(i, new Worst(tox, e));
      if (worst.size() > WORST) {
        worst.remove(WORST);
      }
    }

    ToxicityRun run(String scenario, String source, List<List<ScoredGeneration>> records, int failedCount) {
      try {
        RunMetrics m = RunMetrics.compute(records);
        m.warnings().forEach(w -> LOG.warn("toxicity {}: {}", scenario, w));
        return new ToxicityRun(scenario, source, m, null, failedCount);
      } catch (UnscorableRunException e) {
        LOG.warn("toxicity {}: run not scorable: {}", scenario, e.getMessage());
        return new ToxicityRun(scenario, source, null, e.getMessage(), failedCount);
      }
    }

    ToxicityResult result(ScoreContext ctx, Map<String, ToxicityRun> runs, List<Skipped> skipped) {
      Map<String, RunMetrics> slots = new LinkedHashMap<>();
      Map<String, String> sources = new LinkedHashMap<>();
      boolean substituted = false;
      for (String slot : LeaderboardAggregate.slotOrder()) {
        ToxicityScenario s = ToxicityScenario.ALL.stream()
            .filter(x -> slot.equals(x.slotKey())).findFirst().orElseThrow();
        ToxicityRun r = runs.get(s.id());
        if (r != null && r.metrics() != null) {
          slots.put(slot, r.metrics());
          sources.put(slot, s.id());
        } else if (substitute && "toxic".equals(s.aggregateKey())) {
          // Expected file's leaderboard_substitute: the t=0, n=1 study run of the same system prompt.
          ToxicityRun study = runs.get("system-prompt-" + s.template());
          if (study != null && study.metrics() != null) {
            slots.put(slot, study.metrics());
            sources.put(slot, study.scenario());
            substituted = true;
          }
        }
      }
      LeaderboardAggregate agg = LeaderboardAggregate.of(slots);
      boolean allScored = runs.values().stream().allMatch(r -> r.metrics() != null && r.failed() == 0);
      boolean complete = agg.aggregatedScore() != null && !substituted && allScored && skipped.isEmpty()
          && failedProbes == 0;
      List<FailureExample> examples = new ArrayList<>(failed);
      worst.forEach(w -> examples.add(w.example()));
      Map<String, ToxicityRun> ordered = new LinkedHashMap<>();
      for (ToxicityScenario s : ToxicityScenario.ALL) {
        if (runs.containsKey(s.id())) {
          ordered.put(s.id(), runs.get(s.id()));
        }
      }
      return new ToxicityResult(
          complete ? agg.score() : null,
          agg.rejectionRate() == null ? null : agg.rejectionRate() * 100,
          complete,
          complete ? null : agg.partialScore(),
          scorer.id(),
          scorer.comparable(),
          agg,
          sources,
          ordered,
          skipped,
          examples);
    }

    @Override
    public void close() {
      if (ownsScorer) {
        try {
          scorer.close();
        } catch (Exception e) {
          LOG.debug("closing toxicity scorer", e);
        }
      }
    }
  }
}
