package dev.dtrust.perspectives.ood;

import dev.dtrust.core.data.Templates;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.perspective.FailureExample;
import dev.dtrust.core.perspective.Skipped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Scores replies scenario by scenario (spec ood.md §4) and aggregates them (§5). Scenarios are
 * opened in plan order; each tallies its replies in record order, so record i is judged against
 * probe i.
 */
final class OodScorer {
  static final int MAX_FAILURES = 5;

  private final Templates templates;
  private final KnowledgeAnswerParser knowledge;
  private final StyleAnswerParser style;
  private final Map<String, OodMetrics> results = new LinkedHashMap<>();
  private final Map<String, Object> scenarios = new LinkedHashMap<>();
  private final List<FailureExample> failures = new ArrayList<>();

  OodScorer(Templates templates) {
    this.templates = templates;
    this.knowledge = new KnowledgeAnswerParser(templates);
    this.style = new StyleAnswerParser(templates);
  }

  /** A scenario's running counts. */
  final class Tally {
    private final OodScenario scenario;
    private int records;
    private int correct;
    private int wrong;
    private int refused;
    private int both;
    private int failed;
    private boolean exampleTaken;

    private Tally(OodScenario scenario) {
      this.scenario = scenario;
    }

    /** Judges one reply to a probe. */
    Verdict add(OodPrompt probe, String reply, List<ChatMessage> prompt, String key) {
      Verdict v =
          scenario.task() == OodScenario.Task.STYLE
              ? style.judge(reply, probe.gold())
              : knowledge.judge(reply, probe.gold(), probe.goldChoice());
      records++;
      switch (v) {
        case CORRECT -> correct++;
        case WRONG -> wrong++;
        case REFUSED -> refused++;
        case BOTH_LABELS -> both++;
      }
      if (v != Verdict.CORRECT && v != Verdict.REFUSED && !exampleTaken && failures.size() < MAX_FAILURES) {
        failures.add(new FailureExample(scenario.id(), key, prompt, reply));
        exampleTaken = true;
      }
      return v;
    }

    /** Counts a probe that got no answer. */
    void fail() {
      failed++;
    }

    /**
     * Closes the scenario. Only a scenario whose every probe was answered enters upstream's
     * {@code all_results}; one with failures is reported with its counts but not aggregated.
     *
     * @param extra more entries for the scenario's report (file, prompt checks)
     */
    @Nullable OodMetrics close(Map<String, Object> extra) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("result_key", scenario.resultKey());
      entry.putAll(extra);
      entry.put("records", records);
      entry.put("correct", correct);
      entry.put("wrong", wrong);
      entry.put("refused", refused);
      if (scenario.task() == OodScenario.Task.STYLE) {
        entry.put("both_labels", both);
      }
      if (failed > 0) {
        entry.put("failed", failed);
      }
      OodMetrics m = null;
      if (records > 0) {
        m = scenario.task() == OodScenario.Task.STYLE
            ? OodMetrics.style(records, correct, wrong, refused, both)
            : OodMetrics.knowledge(records, correct, wrong, refused);
        entry.putAll(m.upstream());
        if (failed == 0) {
          results.put(scenario.resultKey(), m);
        }
      }
      entry.put("aggregated", failed == 0 && records > 0);
      scenarios.put(scenario.id(), entry);
      return m;
    }
  }

  /** Opens a scenario. */
  Tally open(OodScenario s) {
    return new Tally(s);
  }

  /** The result over every closed scenario. */
  OodResult result(List<Skipped> skipped) {
    return new OodResult(results, OodAggregate.of(results, templates), scenarios, skipped, failures);
  }
}
