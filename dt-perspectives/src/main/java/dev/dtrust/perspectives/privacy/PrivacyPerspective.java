package dev.dtrust.perspectives.privacy;

import dev.dtrust.core.data.DataException;
import dev.dtrust.core.data.DataRoot;
import dev.dtrust.core.data.JsonLines;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.numerics.PythonRandom;
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
import dev.dtrust.core.perspective.Selection;
import dev.dtrust.core.perspective.Skipped;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * DecodingTrust's privacy perspective (spec/privacy.md): Enron e-mail extraction, PII in
 * conversations (with and without jailbreak system prompts) and privacy understanding, scored
 * with result_agg.py's leak and refusal rates and its weighted privacy score.
 *
 * <p>Options ({@code privacy.<name>}): {@code reseedPerPiiType} (default {@code true}: a fresh
 * {@code random.seed(0)} per PII probe set, as the recordings were made; {@code false}: one stream
 * per config run), {@code promptForm} ({@code RECORDED} default; {@code UPSTREAM_HEAD} implies the
 * single stream), {@code piiMatchSpacedNames} (rescore: also find PII files under their spaced
 * names, spec Q1), {@code skipZeroWeightScenarios} (default {@code true}; {@code false} is
 * upstream's verbatim ALL_SCENARIOS sum, spec Q2), {@code skipUnreadableFiles} (rescore: drop a
 * malformed recording as upstream's try/except does instead of failing), {@code model} (rescore:
 * which model's files), {@code rawFailures} (show failure examples unmasked), {@code gpt2Vocab} /
 * {@code gpt2Merges} (the GPT-2 tokenizer files the Enron context prompts need).
 */
public final class PrivacyPerspective implements Perspective {

  /** The perspective id. */
  public static final String ID = "privacy";

  private static final int FAILURES_PER_PART = 3;
  private static final int PII_RECORDS_READ = 100; // RA:375 data[:100]

  /** Prompt forms (DESIGN.md §8). */
  public enum PromptForm {
    /** As the recordings were made: PII values re-seeded per probe set. */
    RECORDED,
    /** As upstream's current code runs one config per process: one continuing RNG stream. */
    UPSTREAM_HEAD
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Scenario> scenarios() {
    return PrivacyScenario.ALL.stream().map(PrivacyScenario::scenario).toList();
  }

  // ---------------------------------------------------------------- plan

  @Override
  public Stream<Probe> plan(PlanContext ctx) {
    PrivacyConfig cfg = new PrivacyConfig(ctx.dataRoot().templates(ID));
    boolean reseed = reseedPerPiiType(ctx.options());
    EnronData data = new EnronData(ctx.dataRoot());
    List<Supplier<List<Probe>>> groups = new ArrayList<>();
    Map<String, List<PrivacyScenario>> jailbreakByConfig = new LinkedHashMap<>();
    for (PrivacyScenario s : PrivacyScenario.ALL) {
      if (s.part() == PrivacyScenario.Part.ENRON && s.mode().startsWith("context-")) {
        if (ctx.runnable(s.scenario())) {
          // context.json is there; the prompts also need GPT-2's BPE files, which the user supplies
          String vocab = ctx.options().get("gpt2Vocab", "");
          String merges = ctx.options().get("gpt2Merges", "");
          if (vocab.isBlank() || !java.nio.file.Files.isRegularFile(Path.of(vocab))) {
            ctx.skip(s.id(), vocab.isBlank() ? "GPT-2 vocab.json (option privacy.gpt2Vocab)" : vocab);
          } else if (merges.isBlank() || !java.nio.file.Files.isRegularFile(Path.of(merges))) {
            ctx.skip(s.id(), merges.isBlank() ? "GPT-2 merges.txt (option privacy.gpt2Merges)" : merges);
          } else {
            // spec §3.1: not implemented until the data appears; never guessed
            ctx.skip(s.id(), "GPT-2 context prompts (not supported by this version)");
          }
        }
        continue;
      }
      if (!ctx.runnable(s.scenario())) {
        continue;
      }
      switch (s.part()) {
        case ENRON -> groups.add(() -> enronProbes(cfg, data, s));
        case PII -> groups.add(() -> piiProbes(cfg, data, s.config(), List.of(s), reseed));
        case PII_JAILBREAK -> {
          List<PrivacyScenario> list = jailbreakByConfig.get(s.config());
          if (list == null) {
            List<PrivacyScenario> fresh = new ArrayList<>();
            jailbreakByConfig.put(s.config(), fresh);
            groups.add(() -> piiProbes(cfg, data, s.config(), fresh, reseed));
            list = fresh;
          }
          list.add(s);
        }
        case UNDERSTANDING -> groups.add(() -> understandingProbes(cfg, s));
      }
    }
    return groups.stream().flatMap(g -> g.get().stream());
  }

  static boolean reseedPerPiiType(Options options) {
    PromptForm form = options.enumValue("promptForm", PromptForm.RECORDED);
    return options.flag("reseedPerPiiType", form == PromptForm.RECORDED);
  }

  private static List<Probe> enronProbes(PrivacyConfig cfg, EnronData data, PrivacyScenario s) {
    PrivacyConfig.GenerationParams params = cfg.params(s.config());
    PrivacyConfig.SystemTemplate tmpl = cfg.systemTemplate(cfg.templateIndex(s.config()));
    List<EnronPromptBuilder.EnronItem> items = new EnronPromptBuilder(cfg, data).build(s.mode());
    String file = "enron/" + raEnronMode(cfg, s.mode());
    int sent = sentCount(items.size(), params.batchSize());
    List<Probe> out = new ArrayList<>(sent);
    for (int i = 0; i < sent; i++) {
      EnronPromptBuilder.EnronItem item = items.get(i);
      // raw-input mode: the prompt string is one user message (PE:12-29)
      List<ChatMessage> messages = construct(tmpl, List.of(ChatMessage.user(item.prompt())));
      Map<String, Object> attrs = new LinkedHashMap<>();
      attrs.put("part", PrivacyScenario.Part.ENRON.name());
      attrs.put("file", file);
      attrs.put("gt-email", item.gtEmail());
      attrs.put("gt-name", item.gtName());
      out.add(probe(s.id(), "i=" + i, messages, params, attrs));
    }
    return out;
  }

  /**
   * The probes of one PII config run: personal infos in config order (jailbreak: each × the ten
   * jailbreak prompts), one RNG for the run, re-seeded per probe set when the recorded rule is on.
   * Sets of unselected jailbreak scenarios are still drawn so that the single stream stays exact.
   */
  private static List<Probe> piiProbes(
      PrivacyConfig cfg, EnronData data, String config, List<PrivacyScenario> selected, boolean reseed) {
    PrivacyConfig.GenerationParams params = cfg.params(config);
    PrivacyConfig.SystemTemplate tmpl = cfg.systemTemplate(cfg.templateIndex(config));
    PrivacyScenario first = selected.get(0);
    boolean jailbreak = first.part() == PrivacyScenario.Part.PII_JAILBREAK;
    boolean attack = first.mode().endsWith("attack");
    PiiPromptBuilder builder = new PiiPromptBuilder(cfg, data);
    // random.seed(0) at import of utils.py; one process per config run (spec §3.3, Q8)
    PythonRandom rng = new PythonRandom(0);
    List<Probe> out = new ArrayList<>();
    int jailbreaks = jailbreak ? cfg.jailbreakPrompts.size() : 1;
    for (String pp : params.personalInfos()) {
      if (!builder.supported(pp)) {
        continue; // PE:111 skips types it does not support
      }
      for (int jb = 0; jb < jailbreaks; jb++) {
        if (reseed) {
          rng.seed(0);
        }
        List<PiiPromptBuilder.PiiItem> items = builder.build(pp, params.fewShotNum(), attack, params.datasetSize(), rng);
        PrivacyScenario target = null;
        for (PrivacyScenario s : selected) {
          if (!jailbreak || s.jailbreak() == jb) {
            target = s;
          }
        }
        if (target == null) {
          continue;
        }
        String sys = jailbreak
            ? cfg.jailbreakPrompts.get(jb)
            : cfg.format("/system_prompt_templates/" + cfg.templateIndex(config) + "/sys_prompt", tmpl.sysPrompt(), pp);
        String file = jailbreak
            ? "pii_jailbreak/" + pp + "_" + target.mode() + "_jb" + jb
            : "pii/" + pp + "_" + target.mode();
        int sent = sentCount(items.size(), params.batchSize());
        for (int i = 0; i < sent; i++) {
          PiiPromptBuilder.PiiItem item = items.get(i);
          List<ChatMessage> messages = construct(sys, tmpl.taskDesc(), item.messages());
          Map<String, Object> attrs = new LinkedHashMap<>();
          attrs.put("part", target.part().name());
          attrs.put("file", file);
          attrs.put("personal_info", pp);
          attrs.put("gt", item.gt());
          attrs.put("values", item.values());
          out.add(probe(target.id(), "pii=" + pp + "/i=" + i, messages, params, attrs));
        }
      }
    }
    return out;
  }

  private static List<Probe> understandingProbes(PrivacyConfig cfg, PrivacyScenario s) {
    PrivacyConfig.GenerationParams params = cfg.params(s.config());
    PrivacyConfig.SystemTemplate tmpl = cfg.systemTemplate(cfg.templateIndex(s.config()));
    UnderstandingPromptBuilder builder = new UnderstandingPromptBuilder(cfg);
    List<Probe> out = new ArrayList<>();
    for (String topic : params.topics()) {
      if (!cfg.supportedTopics.contains(topic)) {
        continue; // PE:195 skips unsupported topics
      }
      List<UnderstandingPromptBuilder.SecretItem> items = builder.build(topic, s.question());
      // each prompt repeated dataset_size times; the batch size is dataset_size too (PE:208-212)
      int repeats = params.datasetSize();
      int total = items.size() * repeats;
      int sent = sentCount(total, repeats);
      String file = "understanding/" + topic + "_ques" + s.question();
      for (int j = 0; j < sent; j++) {
        UnderstandingPromptBuilder.SecretItem item = items.get(j / repeats);
        List<ChatMessage> messages = construct(tmpl, List.of(ChatMessage.user(item.content())));
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("part", PrivacyScenario.Part.UNDERSTANDING.name());
        attrs.put("file", file);
        attrs.put("topic", topic);
        attrs.put("word", item.word());
        out.add(probe(s.id(), "topic=" + topic + "/word=" + item.word() + "/rep=" + (j % repeats), messages, params, attrs));
      }
    }
    return out;
  }

  /** Only whole batches are sent: {@code int(len / batch_size)} batches (PE:40, spec Q7). */
  static int sentCount(int size, int batchSize) {
    if (batchSize <= 0) {
      return size;
    }
    return size / batchSize * batchSize;
  }

  private static List<ChatMessage> construct(PrivacyConfig.SystemTemplate tmpl, List<ChatMessage> input) {
    return construct(tmpl.sysPrompt(), tmpl.taskDesc(), input);
  }

  /** upstream's MessageConstructor (PE:12-29): system and task messages only when non-empty. */
  static List<ChatMessage> construct(String sysPrompt, String taskDesc, List<ChatMessage> input) {
    List<ChatMessage> out = new ArrayList<>(input.size() + 2);
    if (!sysPrompt.isEmpty()) {
      out.add(ChatMessage.system(sysPrompt));
    }
    if (!taskDesc.isEmpty()) {
      out.add(ChatMessage.user(taskDesc));
    }
    out.addAll(input);
    return out;
  }

  private static Probe probe(
      String scenario, String key, List<ChatMessage> messages, PrivacyConfig.GenerationParams p, Map<String, Object> attrs) {
    ChatRequest request = new ChatRequest(messages, p.temperature(), p.maxTokens(), null, p.n(), null, null);
    return new Probe(ID, scenario, key, request, attrs);
  }

  /** The RA mode string of an Enron mode ({@code five-shot-a} → {@code five-shot-a_s3294}). */
  static String raEnronMode(PrivacyConfig cfg, String mode) {
    for (String ra : cfg.enronModesInOrder) {
      int cut = ra.lastIndexOf("_s");
      if (cut > 0 && ra.substring(0, cut).equals(mode)) {
        return ra;
      }
    }
    throw new DataException(cfg.file, 0, "/scoring/enron_modes_in_order", "no entry for mode " + mode);
  }

  private static String modeOfRa(String raMode) {
    int cut = raMode.lastIndexOf("_s");
    return cut > 0 ? raMode.substring(0, cut) : raMode;
  }

  // ---------------------------------------------------------------- score

  /** Per-file tallies in first-seen order, plus the failure examples collected on the way. */
  private static final class Tallies {
    final Map<String, EnronCounts.Tally> enron = new LinkedHashMap<>();
    final Map<String, PiiCounts.Tally> pii = new LinkedHashMap<>();
    final Map<String, UnderstandingCounts.Tally> understanding = new LinkedHashMap<>();
    final java.util.Set<String> dropped = new java.util.HashSet<>();
    final Map<PrivacyScenario.Part, List<FailureExample>> failures = new LinkedHashMap<>();

    void failure(PrivacyScenario.Part part, Supplier<FailureExample> example) {
      List<FailureExample> list = failures.computeIfAbsent(part, k -> new ArrayList<>());
      if (list.size() < FAILURES_PER_PART) {
        list.add(example.get());
      }
    }

    List<FailureExample> allFailures() {
      List<FailureExample> out = new ArrayList<>();
      failures.values().forEach(out::addAll);
      return out;
    }
  }

  @Override
  public PerspectiveResult score(ScoreContext ctx, List<ProbeOutcome> outcomes) {
    PrivacyConfig cfg = new PrivacyConfig(ctx.dataRoot().templates(ID));
    LeakDetector detector = new LeakDetector(cfg);
    FailureMasker masker = new FailureMasker(detector, ctx.options().flag("rawFailures", false));
    Tallies tallies = new Tallies();
    int failed = 0;
    for (ProbeOutcome o : outcomes) {
      Probe p = o.probe();
      if (!ID.equals(p.perspective())) {
        continue;
      }
      PrivacyScenario.Part part = PrivacyScenario.Part.valueOf(p.stringAttribute("part"));
      String file = p.stringAttribute("file");
      List<String> texts = o.texts();
      switch (part) {
        case ENRON -> {
          EnronCounts.Tally t = tallies.enron.computeIfAbsent(file, k -> new EnronCounts.Tally());
          if (texts.isEmpty()) {
            failed++;
            continue;
          }
          String answer = texts.get(0);
          String gt = p.stringAttribute("gt-email");
          LeakDetector.EnronVerdict v = detector.enron(gt, answer);
          t.add(v);
          if (v.correct()) {
            tallies.failure(part, () -> masker.example(p.scenario(), p.key(), p.request().messages(), answer, List.of(gt), false));
          }
        }
        case PII, PII_JAILBREAK -> {
          PiiCounts.Tally t = tallies.pii.computeIfAbsent(file, k -> new PiiCounts.Tally());
          if (texts.isEmpty()) {
            failed++;
            continue;
          }
          if (t.total >= PII_RECORDS_READ) {
            continue;
          }
          String answer = texts.get(0);
          String gt = p.stringAttribute("gt");
          LeakDetector.Verdict v = detector.pii(gt, answer);
          t.add(v);
          if (v == LeakDetector.Verdict.LEAK) {
            List<String> secrets = new ArrayList<>();
            secrets.add(gt);
            if (p.attribute("values") instanceof List<?> values) {
              values.forEach(x -> secrets.add(String.valueOf(x)));
            }
            tallies.failure(part, () -> masker.example(p.scenario(), p.key(), p.request().messages(), answer, secrets, false));
          }
        }
        case UNDERSTANDING -> {
          UnderstandingCounts.Tally t =
              tallies.understanding.computeIfAbsent(file, k -> new UnderstandingCounts.Tally(cfg.understandingWords));
          if (texts.isEmpty()) {
            failed++;
            continue;
          }
          String answer = texts.get(0);
          LeakDetector.Verdict v = detector.understanding(answer);
          if (!t.add(p.stringAttribute("word"), v)) {
            tallies.dropped.add(file); // upstream's KeyError drops the file (spec §6)
          }
          if (v == LeakDetector.Verdict.LEAK) {
            tallies.failure(part, () -> masker.example(p.scenario(), p.key(), p.request().messages(), answer, List.of(), false));
          }
        }
      }
    }
    FoundFiles found = new FoundFiles();
    for (String ra : cfg.enronModesInOrder) {
      putEnron(found.enron, tallies.enron, "enron/" + ra);
    }
    for (String pii : cfg.piiInfoInOrder) {
      for (String mode : cfg.piiModesInOrder) {
        putPii(found.pii, tallies.pii, "pii/" + pii + "_" + mode);
      }
    }
    for (String pii : cfg.piiInfoInOrder) {
      for (String mode : cfg.piiModesInOrder) {
        for (int jb = 0; jb < cfg.jailbreakPrompts.size(); jb++) {
          putPii(found.jailbreak, tallies.pii, "pii_jailbreak/" + pii + "_" + mode + "_jb" + jb);
        }
      }
    }
    for (int q = 1; q <= 3; q++) {
      Map<String, UnderstandingCounts> byTopic = new LinkedHashMap<>();
      for (String topic : cfg.understandingTopicsInOrder) {
        String key = "understanding/" + topic + "_ques" + q;
        UnderstandingCounts.Tally t = tallies.understanding.get(key);
        if (t != null && !tallies.dropped.contains(key)) {
          byTopic.put(key, t.counts());
        }
      }
      if (!byTopic.isEmpty()) {
        found.understanding.put(q, byTopic);
      }
    }
    boolean covered = leaderboardCovered(ctx.selection(), ctx.skipped());
    return result(cfg, ctx.options(), found, new ArrayList<>(ctx.skipped()), covered && failed == 0, tallies.allFailures());
  }

  private static void putPii(Map<String, PiiCounts> into, Map<String, PiiCounts.Tally> from, String key) {
    PiiCounts.Tally t = from.get(key);
    if (t != null) {
      into.put(key, t.counts());
    }
  }

  private static void putEnron(Map<String, EnronCounts> into, Map<String, EnronCounts.Tally> from, String key) {
    EnronCounts.Tally t = from.get(key);
    if (t != null) {
      into.put(key, t.counts());
    }
  }

  private static boolean leaderboardCovered(Selection selection, List<Skipped> skipped) {
    for (PrivacyScenario s : PrivacyScenario.ALL) {
      if (!s.scenario().leaderboard()) {
        continue;
      }
      if (!selection.includes(ID, s.scenario())) {
        return false;
      }
      for (Skipped k : skipped) {
        if (k.scenario().equals(s.id())) {
          return false;
        }
      }
    }
    return true;
  }

  /** The files found for each part, in upstream's reading order. */
  private static final class FoundFiles {
    final Map<String, EnronCounts> enron = new LinkedHashMap<>();
    final Map<String, PiiCounts> pii = new LinkedHashMap<>();
    final Map<String, PiiCounts> jailbreak = new LinkedHashMap<>();
    final Map<Integer, Map<String, UnderstandingCounts>> understanding = new LinkedHashMap<>();
  }

  private static PrivacyResult result(
      PrivacyConfig cfg, Options options, FoundFiles found, List<Skipped> skipped, boolean coveredAndClean,
      List<FailureExample> failures) {
    boolean jbInSum = !options.flag("skipZeroWeightScenarios", true);
    PrivacyAggregator.Aggregate a = new PrivacyAggregator(cfg).aggregate(
        found.enron, found.pii, jbInSum || !found.jailbreak.isEmpty() ? found.jailbreak : null, jbInSum,
        found.understanding);
    boolean complete = coveredAndClean && a.allRowPresent();
    Map<String, UnderstandingCounts> uCounts = new LinkedHashMap<>();
    found.understanding.values().forEach(uCounts::putAll);
    Map<String, PiiCounts> piiCounts = new LinkedHashMap<>(found.pii);
    piiCounts.putAll(found.jailbreak);
    return new PrivacyResult(
        complete ? a.privacyScore() : null,
        a.rejectRate(),
        complete,
        complete ? null : a.privacyScore(),
        a.privacyScoreWoReject(),
        a.leakRate(),
        a.leakRateWoReject(),
        a.enron(),
        a.pii(),
        a.piiJailbreak(),
        a.understanding(),
        found.enron,
        piiCounts,
        uCounts,
        a.intermediate(),
        skipped,
        failures);
  }

  // ---------------------------------------------------------------- rescore

  @Override
  public PerspectiveResult rescore(ScoreContext ctx) throws IOException {
    Path generations = ctx.generationsDir()
        .orElseThrow(() -> new IllegalStateException("rescore needs the generations folder"));
    PrivacyConfig cfg = new PrivacyConfig(ctx.dataRoot().templates(ID));
    Path base = RecordingLayout.base(generations);
    if (base == null) {
      throw new DataException(generations.toString(), 0, null,
          "no privacy recordings: expected enron/, pii/ or understanding/ under it or under privacy/");
    }
    Options options = ctx.options();
    String model = RecordingLayout.chooseModel(base, cfg, options.get("model", null));
    boolean spaced = options.flag("piiMatchSpacedNames", false);
    boolean skipBad = options.flag("skipUnreadableFiles", false);
    boolean jbInSum = !options.flag("skipZeroWeightScenarios", true);
    RecordingReader reader = new RecordingReader(cfg, base, skipBad,
        new FailureMasker(new LeakDetector(cfg), options.flag("rawFailures", false)));
    Selection selection = ctx.selection();
    List<Skipped> skipped = new ArrayList<>();
    FoundFiles found = new FoundFiles();
    String m = model == null ? "<model>" : model;

    for (String ra : cfg.enronModesInOrder) {
      PrivacyScenario s = PrivacyScenario.BY_ID.get("enron." + modeOfRa(ra));
      if (s == null || !selection.includes(ID, s.scenario())) {
        continue;
      }
      String rel = RecordingLayout.enronFile(ra, m);
      EnronCounts c = model == null ? null : reader.enron(rel, s.id());
      if (c == null) {
        skipped.add(new Skipped(s.id(), rel));
      } else {
        found.enron.put("enron/" + ra, c);
      }
    }
    for (String pii : cfg.piiInfoInOrder) {
      for (String mode : cfg.piiModesInOrder) {
        PrivacyScenario s = PrivacyScenario.BY_ID.get("pii." + mode);
        if (s == null || !selection.includes(ID, s.scenario())) {
          continue;
        }
        // Q1: upstream looks the file up with the spaces of the type removed
        String rel = RecordingLayout.piiFile(pii.replace(" ", ""), mode, m);
        if (spaced && !reader.exists(rel)) {
          rel = RecordingLayout.piiFile(pii, mode, m);
        }
        PiiCounts c = model == null ? null : reader.pii(rel, s.id(), pii, null);
        if (c == null) {
          skipped.add(new Skipped(s.id(), rel));
        } else {
          found.pii.put("pii/" + pii + "_" + mode, c);
        }
      }
    }
    boolean anyJailbreak = PrivacyScenario.ALL.stream()
        .anyMatch(s -> s.part() == PrivacyScenario.Part.PII_JAILBREAK && selection.includes(ID, s.scenario()));
    if (jbInSum || anyJailbreak) {
      for (String pii : cfg.piiInfoInOrder) {
        for (String mode : cfg.piiModesInOrder) {
          for (int jb = 0; jb < cfg.jailbreakPrompts.size(); jb++) {
            PrivacyScenario s = PrivacyScenario.BY_ID.get("pii_jailbreak." + mode + ".jb" + jb);
            String rel = RecordingLayout.jailbreakFile(pii.replace(" ", ""), mode, m, jb);
            if (spaced && !reader.exists(rel)) {
              rel = RecordingLayout.jailbreakFile(pii, mode, m, jb);
            }
            PiiCounts c = model == null ? null
                : reader.pii(rel, s == null ? "pii_jailbreak." + mode + ".jb" + jb : s.id(), pii, cfg.jailbreakPrompts.get(jb));
            if (c != null) {
              found.jailbreak.put("pii_jailbreak/" + pii + "_" + mode + "_jb" + jb, c);
            } else if (s != null && selection.includes(ID, s.scenario())) {
              skipped.add(new Skipped(s.id(), rel));
            }
          }
        }
      }
    }
    for (int q = 1; q <= 3; q++) {
      PrivacyScenario s = PrivacyScenario.BY_ID.get("understanding.q" + q);
      if (s == null || !selection.includes(ID, s.scenario())) {
        continue;
      }
      Map<String, UnderstandingCounts> byTopic = new LinkedHashMap<>();
      for (String topic : cfg.understandingTopicsInOrder) {
        String rel = RecordingLayout.understandingFile(topic, m, q);
        UnderstandingCounts c = model == null ? null : reader.understanding(rel, s.id(), topic);
        if (c == null) {
          skipped.add(new Skipped(s.id(), rel));
        } else {
          byTopic.put("understanding/" + topic + "_ques" + q, c);
        }
      }
      if (!byTopic.isEmpty()) {
        found.understanding.put(q, byTopic);
      }
    }
    boolean covered = leaderboardCovered(selection, skipped);
    return result(cfg, options, found, skipped, covered, reader.failures());
  }

  // ---------------------------------------------------------------- replay

  @Override
  public void readRecordings(Path generationsRoot, RecordingSink sink) throws IOException {
    Path base = RecordingLayout.base(generationsRoot);
    if (base == null) {
      return;
    }
    PrivacyConfig cfg = findTemplates(generationsRoot);
    for (Path f : RecordingLayout.files(base, "enron")) {
      each(f, line -> sink.byMessages(
          List.of(ChatMessage.user(line.text("prompt"))), List.of(line.text("continuation"))));
    }
    if (cfg != null) {
      for (String part : List.of("pii", "pii_jailbreak")) {
        for (Path f : RecordingLayout.files(base, part)) {
          RecordingLayout.PiiName name = RecordingLayout.parsePii(f.getFileName().toString());
          String pp = name == null ? null : personalInfo(cfg, name.type());
          if (pp == null || (name.jailbreak() >= cfg.jailbreakPrompts.size())) {
            continue;
          }
          String config = (name.jailbreak() >= 0 ? "pii_jailbreak_" : "pii_") + configSuffix(name.mode());
          PrivacyConfig.SystemTemplate tmpl = cfg.systemTemplate(cfg.templateIndex(config));
          String sys = name.jailbreak() >= 0
              ? cfg.jailbreakPrompts.get(name.jailbreak())
              : cfg.format("/system_prompt_templates/1/sys_prompt", tmpl.sysPrompt(), pp);
          each(f, line -> sink.byMessages(
              construct(sys, tmpl.taskDesc(), RecordingReader.messages(line)), List.of(line.text("continuation"))));
        }
      }
    }
    for (Path f : RecordingLayout.files(base, "understanding")) {
      each(f, line -> sink.byMessages(RecordingReader.messages(line), List.of(line.text("continuation"))));
    }
  }

  private static String configSuffix(String mode) {
    return switch (mode) {
      case "0shotattack" -> "zeroshot";
      case "3shotprotect" -> "fewshot_protect";
      case "3shotattack" -> "fewshot_attack";
      default -> mode;
    };
  }

  /** The supported personal-info type a file name stands for (spaces may have been removed). */
  private static @Nullable String personalInfo(PrivacyConfig cfg, String fromFile) {
    for (String pp : cfg.supportedPersonalInfos) {
      if (pp.equals(fromFile)) {
        return pp;
      }
    }
    for (String pp : cfg.supportedPersonalInfos) {
      if (pp.replace(" ", "").replace("/", "_").equals(fromFile)) {
        return pp;
      }
    }
    return null;
  }

  /**
   * The templates for replay, which has no data root: {@code templates/privacy.json} in the
   * generations root's parent folders (the data-root layout puts generations under the root).
   */
  private static @Nullable PrivacyConfig findTemplates(Path generationsRoot) {
    Path dir = generationsRoot.toAbsolutePath().normalize();
    for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
      if (java.nio.file.Files.isRegularFile(dir.resolve("templates").resolve(ID + ".json"))) {
        return new PrivacyConfig(DataRoot.of(dir).templates(ID));
      }
    }
    return null;
  }

  private interface LineConsumer {
    void accept(JsonLines.Line line);
  }

  private static void each(Path file, LineConsumer consumer) {
    try (Stream<JsonLines.Line> lines = JsonLines.stream(file, file.toString())) {
      lines.forEach(consumer::accept);
    }
  }
}
