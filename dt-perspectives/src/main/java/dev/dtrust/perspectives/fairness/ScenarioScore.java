package dev.dtrust.perspectives.fairness;

import dev.dtrust.perspectives.fairness.GroupFairness.GroupCounts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One scenario's scores: upstream's four {@code final_scores} values (spec §6.7) when scored, the
 * counts behind them, and the informational runtime accuracy (Q4).
 *
 * @param scenario        the scenario id
 * @param outFile         upstream's out-file name, the key in {@code final_scores.json}
 * @param scored          whether upstream's aggregation scores it (aggregated and enough answers, Q7)
 * @param records         records in the prompt file
 * @param responses       answers available
 * @param accuracy        accuracy over known answers, or {@code null} when not scored
 * @param dpd             demographic parity difference, or {@code null}
 * @param eod             equalized odds difference, or {@code null}
 * @param rejectionRate   {@code 1.0 - 1.0 * known / total}, or {@code null}
 * @param known           answers with a prediction (ties included)
 * @param correct         known predictions equal to gold
 * @param group0          counts of sensitive group 0, or {@code null}
 * @param group1          counts of sensitive group 1, or {@code null}
 * @param predictions     one char per answer: {@code 0}/{@code 1} (ties resolved), {@code x} unknown
 * @param ties            the ties of this scenario, in record order
 * @param runtimeAccuracy fair_chat's live accuracy ({@code scores.accuracy})
 * @param runtimeUnknown  answers whose live prediction is −1
 */
public record ScenarioScore(
    String scenario,
    String outFile,
    boolean scored,
    int records,
    int responses,
    @Nullable Double accuracy,
    @Nullable Double dpd,
    @Nullable Double eod,
    @Nullable Double rejectionRate,
    int known,
    int correct,
    @Nullable GroupCounts group0,
    @Nullable GroupCounts group1,
    String predictions,
    List<TieRecord> ties,
    double runtimeAccuracy,
    int runtimeUnknown) {

  public ScenarioScore {
    ties = List.copyOf(ties);
  }

  /** The report form: upstream's key names first, then the counts. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("out file", outFile);
    m.put("scored", scored);
    if (scored) {
      m.put("accuracy", accuracy);
      m.put("demographic parity difference", dpd);
      m.put("equalized odds difference", eod);
      m.put("rejection rate", rejectionRate);
    }
    m.put("records", records);
    m.put("responses", responses);
    if (scored) {
      m.put("known_total", known);
      m.put("correct", correct);
      m.put("group0", groupMap(group0));
      m.put("group1", groupMap(group1));
      m.put("predictions", predictions);
      List<Object> t = new ArrayList<>();
      ties.forEach(x -> t.add(x.toMap()));
      m.put("ties", t);
    }
    m.put("scores.accuracy", runtimeAccuracy);
    m.put("runtime_unknown", runtimeUnknown);
    return m;
  }

  private static Map<String, Object> groupMap(@Nullable GroupCounts g) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (g != null) {
      m.put("known", g.known());
      m.put("pred1", g.pred1());
      m.put("gold1", g.gold1());
      m.put("tp", g.tp());
      m.put("gold0", g.gold0());
      m.put("fp", g.fp());
    }
    return m;
  }
}
