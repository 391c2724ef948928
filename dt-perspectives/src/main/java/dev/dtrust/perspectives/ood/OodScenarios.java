package dev.dtrust.perspectives.ood;

import dev.dtrust.perspectives.ood.OodScenario.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 57 scenarios of spec ood.md §2, in upstream's run order: the five configs (style,
 * style_8shot, knowledge_standard, knowledge_idk, knowledge_2020_5shot), each over upstream's task
 * list ({@code TASK}) and demonstration lists ({@code DEMO}), runs 0..2. The leaderboard set is
 * upstream's {@code OOD_TASK} / {@code OOD_DEMO}.
 */
public final class OodScenarios {
  /** Upstream {@code TASK["style"]}. */
  static final List<String> STYLE_CATEGORIES =
      List.of("base", "shake_w", "augment", "shake_p0", "shake_p0.6", "bible_p0", "bible_p0.6",
          "romantic_p0", "romantic_p0.6", "tweet_p0", "tweet_p0.6");

  /** Upstream {@code TASK["knowledge"]}. */
  static final List<String> KNOWLEDGE_CATEGORIES = List.of("qa_2020", "qa_2023");

  /** Upstream {@code DEMO}, in its order. */
  static final Map<String, List<String>> STYLE_DEMOS =
      orderedMap(
          "base", List.of("base"),
          "shake_p0.6", List.of("base", "shake_p0.6"),
          "bible_p0.6", List.of("base", "bible_p0.6"),
          "romantic_p0.6", List.of("base", "romantic_p0.6"),
          "tweet_p0.6", List.of("base", "tweet_p0.6"));

  static final Map<String, List<String>> KNOWLEDGE_DEMOS =
      orderedMap(
          "qa_2020",
          List.of("2021_qa", "global_facts", "machine_learning", "moral_scenarios", "us_foreign_policy"));

  static final int RUNS = 3;
  static final int STYLE_SHOTS = 8;
  static final int KNOWLEDGE_SHOTS = 5;

  private static final List<OodScenario> ALL = build();

  private OodScenarios() {}

  /** Every scenario, in upstream order. */
  public static List<OodScenario> all() {
    return ALL;
  }

  /** The scenario with this id. */
  public static Optional<OodScenario> byId(String id) {
    return ALL.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  private static List<OodScenario> build() {
    List<OodScenario> out = new ArrayList<>();
    for (String s : STYLE_CATEGORIES) {
      out.add(new OodScenario("ood/style/zero/" + s, "style", Task.STYLE, false, 0, s, null, null, -1, s,
          !s.equals("base")));
    }
    STYLE_DEMOS.forEach(
        (target, demos) -> {
          for (String d : demos) {
            for (int r = 0; r < RUNS; r++) {
              boolean lb = !target.equals("base") && d.equals("base");
              out.add(new OodScenario("ood/style/8shot/" + target + "/" + d + "/" + r, "style_8shot",
                  Task.STYLE, false, STYLE_SHOTS, target, d + "_" + r, d, r, target + "_" + d + "_" + r, lb));
            }
          }
        });
    for (String q : KNOWLEDGE_CATEGORIES) {
      out.add(new OodScenario("ood/knowledge/standard/" + q, "knowledge_standard", Task.KNOWLEDGE, false,
          0, q, null, null, -1, q, q.equals("qa_2023")));
    }
    for (String q : KNOWLEDGE_CATEGORIES) {
      // EO:273-275: idk results are stored under "<task>_idk"
      out.add(new OodScenario("ood/knowledge/idk/" + q, "knowledge_idk", Task.KNOWLEDGE, true, 0, q,
          null, null, -1, q + "_idk", q.equals("qa_2023")));
    }
    KNOWLEDGE_DEMOS.forEach(
        (target, demos) -> {
          for (String d : demos) {
            for (int r = 0; r < RUNS; r++) {
              out.add(new OodScenario("ood/knowledge/5shot/" + target + "/" + d + "/" + r,
                  "knowledge_2020_5shot", Task.KNOWLEDGE, false, KNOWLEDGE_SHOTS, target, d + "_" + r, d,
                  r, target + "_" + d + "_" + r, !d.equals("2021_qa")));
            }
          }
        });
    return List.copyOf(out);
  }

  private static Map<String, List<String>> orderedMap(Object... kv) {
    java.util.LinkedHashMap<String, List<String>> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      @SuppressWarnings("unchecked")
      List<String> v = (List<String>) kv[i + 1];
      m.put((String) kv[i], v);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
