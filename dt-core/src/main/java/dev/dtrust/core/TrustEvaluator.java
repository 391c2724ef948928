package dev.dtrust.core;

import dev.dtrust.core.data.DataRoot;
import dev.dtrust.core.engine.Budget;
import dev.dtrust.core.engine.Engine;
import dev.dtrust.core.engine.EvaluationListener;
import dev.dtrust.core.engine.OutcomeLog;
import dev.dtrust.core.engine.ProbeExecutor;
import dev.dtrust.core.engine.ResponseCache;
import dev.dtrust.core.engine.RetryPolicy;
import dev.dtrust.core.engine.RunCounters;
import dev.dtrust.core.model.ModelClient;
import dev.dtrust.core.numerics.NumpySum;
import dev.dtrust.core.perspective.Extensions;
import dev.dtrust.core.perspective.Options;
import dev.dtrust.core.perspective.Perspective;
import dev.dtrust.core.perspective.PerspectiveResult;
import dev.dtrust.core.perspective.PlanContext;
import dev.dtrust.core.perspective.Probe;
import dev.dtrust.core.perspective.ProbeOutcome;
import dev.dtrust.core.perspective.ScoreContext;
import dev.dtrust.core.perspective.Selection;
import dev.dtrust.core.report.DatasetInfo;
import dev.dtrust.core.report.ModelInfo;
import dev.dtrust.core.report.PerspectiveReport;
import dev.dtrust.core.report.Provenance;
import dev.dtrust.core.report.RunStats;
import dev.dtrust.core.report.TrustReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Runs DecodingTrust perspectives against a model and returns a {@link TrustReport}.
 *
 * <pre>{@code
 * TrustReport report = TrustEvaluator.builder()
 *     .model(myClient)
 *     .dataRoot(Path.of("decodingtrust"))
 *     .perspectives("stereotype")
 *     .build()
 *     .evaluate();
 * }</pre>
 *
 * <p>{@link #rescore()} scores upstream's recorded generation files instead, with no model.
 */
public final class TrustEvaluator {
  private final @Nullable ModelClient model;
  private final ModelInfo modelInfo;
  private final DataRoot dataRoot;
  private final List<Perspective> perspectives;
  private final Selection selection;
  private final @Nullable Path cacheDir;
  private final int maxInFlight;
  private final EvaluationListener listener;
  private final Budget budget;
  private final RetryPolicy retryPolicy;
  private final Engine.Sleeper sleeper;
  private final Options options;
  private final Extensions extensions;
  private final @Nullable Path generations;
  private final @Nullable ProbeExecutor probeExecutor;

  private TrustEvaluator(Builder b) {
    this.model = b.model;
    this.modelInfo =
        b.modelInfo != null
            ? b.modelInfo
            : new ModelInfo(b.model == null ? "recorded" : b.model.modelId(), b.model == null ? "rescore" : "custom", null, Map.of());
    this.dataRoot = Objects.requireNonNull(b.dataRoot, "dataRoot is required");
    this.perspectives = b.perspectives == null ? Perspectives.all() : Perspectives.byIds(b.perspectives);
    this.selection = b.selection;
    this.cacheDir = b.cacheDir;
    this.maxInFlight = b.maxInFlight;
    this.listener = b.listener;
    this.budget = b.budget;
    this.retryPolicy = b.retryPolicy;
    this.sleeper = b.sleeper;
    this.options = Options.of(b.options);
    this.extensions = Extensions.of(b.extensions);
    this.generations = b.generations;
    this.probeExecutor = b.probeExecutor;
    requireKnownScenarios();
  }

  /** A named selection must name scenarios that exist: a typo never silently plans nothing. */
  private void requireKnownScenarios() {
    if (selection.kind() != Selection.Kind.NAMED) {
      return;
    }
    java.util.Set<String> known = new java.util.TreeSet<>();
    for (Perspective p : perspectives) {
      for (dev.dtrust.core.perspective.Scenario s : p.scenarios()) {
        known.add(s.id());
        known.add(p.id() + "/" + s.id());
      }
    }
    for (String name : selection.names()) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown scenario '" + name + "' for perspectives "
            + perspectives.stream().map(Perspective::id).toList() + "; known: " + String.join(", ", known));
      }
    }
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The perspectives this evaluator runs, in order. */
  public List<Perspective> perspectives() {
    return perspectives;
  }

  /**
   * Plans every selected perspective without calling the model, holding every probe of every
   * perspective at once; {@link #plan(PlanVisitor)} streams instead.
   */
  public Map<String, Plan> plan() {
    Map<String, Plan> out = new LinkedHashMap<>();
    plan((perspective, probes, context) -> out.put(perspective, new Plan(perspective, probes.toList(), context.skipped())));
    return out;
  }

  /**
   * Plans every selected perspective in turn (a dry run) and hands each plan to the visitor as a
   * stream, so that a plan of hundreds of thousands of probes can be counted in little memory.
   */
  public void plan(PlanVisitor visitor) {
    for (Perspective p : perspectives) {
      PlanContext ctx = planContext(p);
      try (Stream<Probe> s = p.plan(ctx)) {
        visitor.visit(p.id(), s, ctx);
      }
    }
  }

  /** Sees one perspective's plan. */
  @FunctionalInterface
  public interface PlanVisitor {
    /**
     * @param perspective the perspective id
     * @param probes      its probes, in order, to be consumed once
     * @param context     the planning context; its {@link PlanContext#skipped()} is complete once
     *                    {@code probes} has been consumed
     */
    void visit(String perspective, Stream<Probe> probes, PlanContext context);
  }

  private PlanContext planContext(Perspective p) {
    return new PlanContext(p.id(), dataRoot, selection, options, extensions);
  }

  /** Plans a perspective only to count its probes. */
  private int count(Perspective p) {
    try (Stream<Probe> s = p.plan(planContext(p))) {
      return Math.toIntExact(s.count());
    }
  }

  /**
   * A perspective's plan.
   *
   * @param perspective the perspective id
   * @param probes      the probes, in order
   * @param skipped     scenarios skipped for absent data
   */
  public record Plan(String perspective, List<Probe> probes, List<dev.dtrust.core.perspective.Skipped> skipped) {}

  /** Plans, answers and scores every selected perspective. */
  public TrustReport evaluate() {
    if (model == null) {
      throw new IllegalStateException("evaluate() needs a model; use rescore() to score recordings");
    }
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    long http0 = model.httpCalls();
    RunCounters counters = new RunCounters();
    Map<String, PerspectiveReport> results = new LinkedHashMap<>();
    ResponseCache cache = openCache();
    try {
      Engine engine = new Engine(model, cache, maxInFlight, retryPolicy, budget, listener, counters, sleeper);
      for (Perspective p : perspectives) {
        results.put(p.id(), PerspectiveReport.of(probeExecutor == null ? stream(p, engine) : materialized(p, counters)));
        listener.scored(p.id());
      }
    } finally {
      cache.close();
    }
    RunStats run =
        new RunStats(
            counters.planned(), counters.answered(), counters.failed(), counters.cacheHits(),
            counters.requests(), model.httpCalls() - http0 + counters.httpCalls(), counters.retries(), counters.promptTokens(),
            counters.completionTokens(), Duration.ofNanos(System.nanoTime() - t0).toMillis());
    return assemble(results, run, started);
  }

  /**
   * Plans, answers and scores one perspective without ever holding its plan: the plan is counted,
   * then streamed through the engine, which keeps only each probe's outcome, and planned a third
   * time for scoring, joined with those outcomes. Plans are deterministic (probe identity relies on
   * it), and the join checks each probe's scenario and key. Planning costs little next to answering.
   */
  private PerspectiveResult stream(Perspective p, Engine engine) {
    int total = count(p);
    PlanContext ctx = planContext(p);
    try (Stream<Probe> plan = p.plan(ctx); OutcomeLog log = engine.execute(p.id(), plan, total)) {
      ScoreContext sc = new ScoreContext(p.id(), dataRoot, selection, options, ctx.skipped(), extensions, null);
      return p.score(sc, log.replanned(() -> p.plan(planContext(p))));
    }
  }

  /** Plans, answers and scores one perspective with a {@link ProbeExecutor}, which takes the whole plan. */
  private PerspectiveResult materialized(Perspective p, RunCounters counters) {
    PlanContext ctx = planContext(p);
    List<Probe> probes;
    try (Stream<Probe> s = p.plan(ctx)) {
      probes = s.toList();
    }
    List<ProbeOutcome> outcomes = probeExecutor.execute(p.id(), probes, counters);
    ScoreContext sc = new ScoreContext(p.id(), dataRoot, selection, options, ctx.skipped(), extensions, null);
    return p.score(sc, outcomes);
  }

  /** Scores upstream's recorded generation files (set with {@link Builder#generations}). */
  public TrustReport rescore() throws IOException {
    if (generations == null) {
      throw new IllegalStateException("rescore() needs generations(...)");
    }
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    Map<String, PerspectiveReport> results = new LinkedHashMap<>();
    // Perspectives read disjoint files and share only thread-safe state (DataRoot), so they are scored
    // in parallel; results are collected and announced in perspective order, so the report is the same.
    int threads = Math.min(perspectives.size(), Math.max(1, Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, rescoreThreads());
    try {
      List<Future<PerspectiveResult>> scored = new ArrayList<>();
      for (Perspective p : perspectives) {
        ScoreContext sc = new ScoreContext(p.id(), dataRoot, selection, options, List.of(), extensions, generations);
        scored.add(pool.submit(() -> p.rescore(sc)));
      }
      for (int i = 0; i < perspectives.size(); i++) {
        String id = perspectives.get(i).id();
        results.put(id, PerspectiveReport.of(await(scored.get(i))));
        listener.scored(id);
      }
    } finally {
      pool.shutdownNow();
    }
    return assemble(results, RunStats.none(Duration.ofNanos(System.nanoTime() - t0).toMillis()), started);
  }

  private static ThreadFactory rescoreThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "dt-rescore-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** The result of one perspective's rescore, rethrowing its failure as the sequential loop would. */
  private static PerspectiveResult await(Future<PerspectiveResult> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while rescoring", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  private TrustReport assemble(Map<String, PerspectiveReport> results, RunStats run, Instant started) {
    boolean complete = run.failed() == 0 && results.values().stream().allMatch(PerspectiveReport::complete);
    Double score = null;
    if (!results.isEmpty() && results.values().stream().allMatch(r -> r.score() != null)) {
      double[] scores = results.values().stream().mapToDouble(PerspectiveReport::score).toArray();
      score = NumpySum.mean(scores);
    }
    DatasetInfo ds = new DatasetInfo(dataRoot.display(), dataRoot.datasetSha256(), dataRoot.filesRead().size());
    Provenance prov = new Provenance(Version.get(), dataRoot.templateHashes(), started.toString(), Instant.now().toString());
    return new TrustReport(TrustReport.SCHEMA, modelInfo, complete, score, results, ds, prov, run);
  }

  private ResponseCache openCache() {
    if (cacheDir == null) {
      return ResponseCache.inMemory();
    }
    try {
      return ResponseCache.open(cacheDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the response cache in " + cacheDir, e);
    }
  }

  /** Builds a {@link TrustEvaluator}. */
  public static final class Builder {
    private @Nullable ModelClient model;
    private @Nullable ModelInfo modelInfo;
    private @Nullable DataRoot dataRoot;
    private @Nullable List<String> perspectives;
    private Selection selection = Selection.leaderboard();
    private @Nullable Path cacheDir;
    private int maxInFlight = 10;
    private EvaluationListener listener = new EvaluationListener() {};
    private Budget budget = Budget.unlimited();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Engine.Sleeper sleeper = d -> Thread.sleep(d.toMillis());
    private final Map<String, String> options = new LinkedHashMap<>();
    private final Map<Class<?>, Object> extensions = new LinkedHashMap<>();
    private @Nullable Path generations;
    private @Nullable ProbeExecutor probeExecutor;

    private Builder() {}

    /** The model under evaluation. */
    public Builder model(ModelClient client) {
      this.model = client;
      return this;
    }

    /** How the report describes the model (defaults to the client's model id). */
    public Builder modelInfo(ModelInfo info) {
      this.modelInfo = info;
      return this;
    }

    /** The data root folder. */
    public Builder dataRoot(Path root) {
      this.dataRoot = DataRoot.of(root);
      return this;
    }

    /** The data root. */
    public Builder dataRoot(DataRoot root) {
      this.dataRoot = root;
      return this;
    }

    /** Which perspectives to run, by id (default: all found). */
    public Builder perspectives(String... ids) {
      this.perspectives = List.of(ids);
      return this;
    }

    /** Which perspectives to run, by id (default: all found). */
    public Builder perspectives(List<String> ids) {
      this.perspectives = new ArrayList<>(ids);
      return this;
    }

    /** Which scenarios to run (default: the leaderboard's). */
    public Builder selection(Selection s) {
      this.selection = Objects.requireNonNull(s);
      return this;
    }

    /** A folder for the persistent response cache (default: memory only). */
    public Builder cacheDir(Path dir) {
      this.cacheDir = dir;
      return this;
    }

    /** The most model calls at once (default 10). */
    public Builder maxInFlight(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("maxInFlight must be >= 1, was " + n);
      }
      this.maxInFlight = n;
      return this;
    }

    /** Hears progress, retries and failures. */
    public Builder listener(EvaluationListener l) {
      this.listener = Objects.requireNonNull(l);
      return this;
    }

    /** Spending limits (default: none). */
    public Builder budget(Budget b) {
      this.budget = Objects.requireNonNull(b);
      return this;
    }

    /** The retry policy (default: 6 attempts, 1 s base, 60 s cap, full jitter). */
    public Builder retryPolicy(RetryPolicy p) {
      this.retryPolicy = Objects.requireNonNull(p);
      return this;
    }

    /** How the engine waits between retries (tests replace it). */
    public Builder sleeper(Engine.Sleeper s) {
      this.sleeper = Objects.requireNonNull(s);
      return this;
    }

    /** A perspective option, {@code perspective.name} (e.g. {@code stereotype.promptForm}). */
    public Builder option(String key, String value) {
      this.options.put(key, value);
      return this;
    }

    /** Perspective options, {@code perspective.name → value}. */
    public Builder options(Map<String, String> values) {
      this.options.putAll(values);
      return this;
    }

    /** A collaborator a perspective looks up by type (e.g. a toxicity scorer). */
    public <T> Builder extension(Class<T> type, T instance) {
      this.extensions.put(type, instance);
      return this;
    }

    /** For {@link TrustEvaluator#rescore()}: the folder of recorded generations. */
    public Builder generations(Path dir) {
      this.generations = dir;
      return this;
    }

    /**
     * Answers plans with this executor instead of the local engine (e.g. dt-spark's, which shards
     * probes across executors); the model set with {@link #model} then only names the model in the
     * report. {@code maxInFlight}, budget and retry settings are the executor's own.
     */
    public Builder probeExecutor(ProbeExecutor executor) {
      this.probeExecutor = Objects.requireNonNull(executor);
      return this;
    }

    /** The evaluator. */
    public TrustEvaluator build() {
      return new TrustEvaluator(this);
    }
  }
}
