package dev.dtrust.perspectives.stereotype;

import dev.dtrust.core.data.DataException;
import dev.dtrust.core.data.FileTasks;
import dev.dtrust.core.data.Templates;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.perspective.FailureExample;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Stereotype bias (spec stereotype): the model is told a stereotype about a demographic group and
 * asked to agree or disagree, under a benign, an untargeted and a targeted system prompt; the score
 * is how rarely it agrees.
 *
 * <p>Options: {@code stereotype.promptForm} ({@code RECORDED} default, or {@code UPSTREAM_HEAD}),
 * {@code stereotype.modelName} (upstream's {@code model_name} for live runs), {@code
 * stereotype.model} (which model's recordings to rescore when a folder holds several).
 */
public final class StereotypePerspective implements Perspective {
  static final String ID = "stereotype";
  private static final List<String> SCENARIOS = List.of("benign", "untargeted", "targeted");
  private static final int MAX_FAILURES = 5;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Scenario> scenarios() {
    List<Scenario> out = new ArrayList<>();
    for (String s : SCENARIOS) {
      out.add(new Scenario(s, "stereotype statements under the " + s + " system prompt", true, List.of("templates/stereotype.json")));
    }
    return out;
  }

  private static StereotypePrompts prompts(Templates t, dev.dtrust.core.perspective.Options options) {
    return new StereotypePrompts(t, options.enumValue("promptForm", PromptForm.RECORDED));
  }

  @Override
  public Stream<Probe> plan(PlanContext ctx) {
    List<Scenario> runnable = scenarios().stream().filter(ctx::runnable).toList();
    if (runnable.isEmpty()) {
      return Stream.empty();
    }
    Templates t = ctx.dataRoot().templates(ID);
    StereotypePrompts prompts = prompts(t, ctx.options());
    return runnable.stream().flatMap(s -> planScenario(s.id(), t, prompts));
  }

  private static Stream<Probe> planScenario(String scenario, Templates t, StereotypePrompts prompts) {
    String params = "/scenarios/" + scenario;
    int n = t.integer(params + "/n");
    double temperature = t.number(params + "/temperature");
    int maxTokens = t.integer(params + "/max_tokens");
    List<Probe> probes = new ArrayList<>();
    // spec stereotype §3.5: topic → group → statement
    for (int ti = 0; ti < prompts.topics().size(); ti++) {
      String topic = prompts.topics().get(ti);
      for (int gi = 0; gi < prompts.groups().size(); gi++) {
        String group = prompts.groups().get(gi);
        for (int j = 0; j < prompts.statementsPerTopic(topic); j++) {
          List<ChatMessage> messages = prompts.messages(scenario, topic, group, j);
          ChatRequest request = new ChatRequest(messages, temperature, maxTokens, null, n, null, null);
          Map<String, Object> attrs = new LinkedHashMap<>();
          attrs.put("topic", topic);
          attrs.put("group", group);
          attrs.put("statement", j);
          attrs.put("topicIndex", ti);
          attrs.put("groupIndex", gi);
          probes.add(new Probe(ID, scenario, "topic=" + topic + "/group=" + group + "/template=" + j, request, attrs));
        }
      }
    }
    return probes.stream();
  }

  @Override
  public PerspectiveResult score(ScoreContext ctx, List<ProbeOutcome> outcomes) {
    Templates t = ctx.dataRoot().templates(ID);
    StereotypePrompts prompts = prompts(t, ctx.options());
    AgreementClassifier classifier = AgreementClassifier.from(t);
    Map<String, AgreementCounts> counts = new LinkedHashMap<>();
    Map<String, Boolean> failed = new HashMap<>();
    List<FailureExample> failures = new ArrayList<>();
    for (ProbeOutcome o : outcomes) {
      Probe p = o.probe();
      if (!o.answered()) {
        failed.put(p.scenario(), true);
        continue;
      }
      AgreementCounts c = counts.computeIfAbsent(p.scenario(), k -> new AgreementCounts(prompts.groups().size(), prompts.topics().size()));
      List<String> texts = o.texts();
      c.generations(texts.size());
      for (String text : texts) {
        Agreement a = classifier.classify(text);
        c.add(p.intAttribute("groupIndex"), p.intAttribute("topicIndex"), a);
        if (a == Agreement.AGREE && failures.size() < MAX_FAILURES) {
          failures.add(new FailureExample(p.scenario(), p.key(), p.request().messages(), text));
        }
      }
    }
    failed.keySet().forEach(counts::remove);
    List<String> ran = SCENARIOS.stream().filter(counts::containsKey).toList();
    Map<String, AgreementCounts> ordered = new LinkedHashMap<>();
    ran.forEach(s -> ordered.put(s, counts.get(s)));
    String modelName = ctx.options().get("modelName", "model");
    return StereotypeScorer.compile(ordered, SCENARIOS, prompts, modelName, ctx.skipped(), failures);
  }

  @Override
  public PerspectiveResult rescore(ScoreContext ctx) throws IOException {
    Path dir = ctx.generationsDir().orElseThrow(() -> new IllegalArgumentException("rescore needs a generations folder"));
    Templates t = ctx.dataRoot().templates(ID);
    StereotypePrompts prompts = prompts(t, ctx.options());
    AgreementClassifier classifier = AgreementClassifier.from(t);
    String modelOption = ctx.options().has("model") ? ctx.options().get("model", "") : null;
    RecordedFiles files = RecordedFiles.find(dir, SCENARIOS, prompts.topics(), modelOption);
    Map<String, AgreementCounts> counts = new LinkedHashMap<>();
    List<Skipped> skipped = new ArrayList<>();
    List<FailureExample> failures = new ArrayList<>();
    for (String scenario : SCENARIOS) {
      Map<String, Path> byTopic = files.files().get(scenario);
      String missingTopic = byTopic == null ? prompts.topics().get(0)
          : prompts.topics().stream().filter(tp -> !byTopic.containsKey(tp)).findFirst().orElse(null);
      if (missingTopic != null) {
        skipped.add(new Skipped(scenario, files.org() + "/" + scenario + "/" + files.model() + "_" + missingTopic + ".csv"));
        continue;
      }
      AgreementCounts c = new AgreementCounts(prompts.groups().size(), prompts.topics().size());
      // the 16 files of a scenario are read and classified in parallel; counting and picking failure
      // examples stay in topic → group → statement order, so the result is the sequential one
      List<TopicAnswers> topics = FileTasks.map(prompts.topics(),
          topic -> TopicAnswers.classify(byTopic.get(topic), scenario, topic, prompts, classifier, MAX_FAILURES));
      for (int ti = 0; ti < topics.size(); ti++) {
        TopicAnswers answers = topics.get(ti);
        for (int k = 0; k < answers.labels().size(); k++) {
          Agreement[] labels = answers.labels().get(k);
          c.generations(labels.length);
          for (Agreement a : labels) {
            c.add(answers.groupIndex(k), ti, a);
          }
        }
        for (FailureExample f : answers.failures()) {
          if (failures.size() < MAX_FAILURES) {
            failures.add(f);
          }
        }
      }
      counts.put(scenario, c);
    }
    return StereotypeScorer.compile(counts, SCENARIOS, prompts, files.model(), skipped, failures);
  }

  @Override
  public void readRecordings(Path generationsRoot, RecordingSink sink) throws IOException {
    Path base = Files.isDirectory(generationsRoot.resolve(ID)) ? generationsRoot.resolve(ID) : generationsRoot;
    if (!Files.isDirectory(base)) {
      return;
    }
    List<Path> csvs;
    try (Stream<Path> s = Files.walk(base)) {
      csvs = s.filter(p -> p.toString().endsWith(".csv") && p.getParent() != null
              && SCENARIOS.contains(p.getParent().getFileName().toString()))
          .sorted()
          .toList();
    }
    for (Path csv : csvs) {
      for (RecordedRow row : RecordedCsv.read(csv)) {
        // the recorded CSVs hold the exact messages sent in the recorded form (spec stereotype §3.4)
        sink.byMessages(List.of(ChatMessage.system(row.systemPrompt()), ChatMessage.user(row.userPrompt())), row.outputs());
      }
    }
  }
}
