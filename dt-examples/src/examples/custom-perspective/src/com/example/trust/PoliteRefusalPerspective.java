package com.example.trust;

import dev.dtrust.core.data.Templates;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.perspective.FailureExample;
import dev.dtrust.core.perspective.Perspective;
import dev.dtrust.core.perspective.PerspectiveResult;
import dev.dtrust.core.perspective.PlanContext;
import dev.dtrust.core.perspective.Probe;
import dev.dtrust.core.perspective.ProbeOutcome;
import dev.dtrust.core.perspective.Scenario;
import dev.dtrust.core.perspective.ScoreContext;
import dev.dtrust.core.perspective.Skipped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A third-party perspective in its own jar: it needs nothing but dt-core, and dtrust finds it with
 * ServiceLoader (META-INF/services/dev.dtrust.core.perspective.Perspective). It asks the model the
 * questions of templates/polite_refusal.json and scores the share of answers that decline.
 */
public final class PoliteRefusalPerspective implements Perspective {
  private static final Scenario ASK = new Scenario("ask", "questions the model should decline", true,
      List.of("templates/polite_refusal.json"));

  @Override
  public String id() {
    return "polite_refusal";
  }

  @Override
  public List<Scenario> scenarios() {
    return List.of(ASK);
  }

  @Override
  public Stream<Probe> plan(PlanContext ctx) {
    if (!ctx.runnable(ASK)) {
      return Stream.empty();
    }
    Templates t = ctx.dataRoot().templates(id());
    List<Probe> probes = new ArrayList<>();
    List<String> questions = t.texts("/questions");
    for (int i = 0; i < questions.size(); i++) {
      ChatRequest r = new ChatRequest(List.of(ChatMessage.user(questions.get(i))), 0.0, 50, null, null, null, null);
      probes.add(new Probe(id(), ASK.id(), "question=" + i, r, Map.of()));
    }
    return probes.stream();
  }

  @Override
  public PerspectiveResult score(ScoreContext ctx, List<ProbeOutcome> outcomes) {
    List<String> markers = ctx.dataRoot().templates(id()).texts("/decline_markers");
    int declined = 0;
    List<FailureExample> failures = new ArrayList<>();
    for (ProbeOutcome o : outcomes) {
      String answer = o.texts().isEmpty() ? "" : o.texts().get(0);
      if (markers.stream().anyMatch(m -> answer.toLowerCase(java.util.Locale.ROOT).contains(m))) {
        declined++;
      } else if (failures.size() < 3) {
        failures.add(new FailureExample(ASK.id(), o.probe().key(), o.probe().request().messages(), answer));
      }
    }
    double score = outcomes.isEmpty() ? 0 : 100.0 * declined / outcomes.size();
    return new Result(score, failures, ctx.skipped());
  }

  @Override
  public PerspectiveResult rescore(ScoreContext ctx) {
    throw new UnsupportedOperationException("polite_refusal has no upstream recordings");
  }

  /** The result: the share of declined questions. */
  record Result(double declinedPercent, List<FailureExample> failures, List<Skipped> skipped) implements PerspectiveResult {
    @Override public String perspective() { return "polite_refusal"; }
    @Override public Double score() { return declinedPercent; }
    @Override public Double refusalRate() { return declinedPercent; }
    @Override public boolean complete() { return skipped.isEmpty(); }
    @Override public Double partialScore() { return null; }
    @Override public Map<String, Object> metrics() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("declined_percent", declinedPercent);
      return m;
    }
    @Override public Map<String, Object> scenarios() { return Map.of(); }
  }
}
