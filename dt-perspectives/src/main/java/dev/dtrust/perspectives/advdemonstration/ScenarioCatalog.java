package dev.dtrust.perspectives.advdemonstration;

import dev.dtrust.perspectives.advdemonstration.AdvDemoScenario.Family;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every scenario of spec §1 in upstream order (counterfactual, spurious, backdoor). The structure
 * (folders, seeds, task keys) is upstream's config layout; every prompt text comes from the
 * templates.
 */
final class ScenarioCatalog {
  static final List<String> CF_TASKS =
      List.of("snli_premise", "snli_hypothesis", "control_raising", "irregular_form", "main_verb", "syntactic_category");
  static final List<String> HEURISTICS =
      List.of("PP", "adverb", "embedded_under_verb", "l_relative_clause", "passive", "s_relative_clause");
  static final List<String> BIASES = List.of("entail-bias", "non-entail-bias");
  static final List<String> METHODS = List.of("badword", "addsent", "synbkd", "stylebkd");
  static final List<String> SETUPS = List.of("setup1", "setup2", "setup3");
  static final List<String> BACKDOOR_SUFFIXES = List.of("_asr", "_cacc");

  static final List<Integer> CF_SEEDS = List.of(42, 2333, 10007);
  static final List<Integer> SPURIOUS_SEEDS = List.of(0, 42, 2333, 10007, 12306);
  static final List<Integer> BACKDOOR_SEEDS = List.of(42, 2333, 10007);

  private static final Map<String, String> CF_TASK_KEY =
      Map.of("snli_premise", "nli3", "snli_hypothesis", "nli3");

  private static final List<AdvDemoScenario> ALL = build(false);
  private static final List<AdvDemoScenario> ALL_SHARED_ZERO = build(true);

  private ScenarioCatalog() {}

  /** Every scenario; {@code sharedSpuriousZero} = spec quirk 6 (zero-shot spurious in the entail-bias folder). */
  static List<AdvDemoScenario> all(boolean sharedSpuriousZero) {
    return sharedSpuriousZero ? ALL_SHARED_ZERO : ALL;
  }

  /** Every scenario, default layout. */
  static List<AdvDemoScenario> all() {
    return ALL;
  }

  private static List<AdvDemoScenario> build(boolean sharedSpuriousZero) {
    List<AdvDemoScenario> out = new ArrayList<>();
    List<String> plain = List.of("");
    for (String t : CF_TASKS) {
      String task = CF_TASK_KEY.getOrDefault(t, t);
      String base = "counterfactual/" + t;
      out.add(new AdvDemoScenario(base + "/demo", "counterfactual " + t + ": 16 demonstrations, no counterfactual",
          Family.COUNTERFACTUAL, base, plain, task, CF_SEEDS, false, false, false, base, true, null));
      out.add(new AdvDemoScenario(base + "/demo_cf", "counterfactual " + t + ": demonstrations plus the input's counterfactual",
          Family.COUNTERFACTUAL, base + "_cf", plain, task, CF_SEEDS, false, false, true, base + "_cf", true, t + "_cf"));
      out.add(new AdvDemoScenario(base + "/cf_only", "counterfactual " + t + ": the counterfactual demonstration only",
          Family.COUNTERFACTUAL, base + "_cf", plain, task, List.of(42), false, true, false, base + "_cf_only", true, null));
      out.add(new AdvDemoScenario(base + "/zero", "counterfactual " + t + ": zero-shot",
          Family.COUNTERFACTUAL, base, plain, task, List.of(42), true, false, false, base + "_zero", true, null));
    }
    for (String h : HEURISTICS) {
      for (String bias : BIASES) {
        String p = "spurious/" + h + "/" + bias;
        out.add(new AdvDemoScenario(p, "spurious correlation " + h + ": demonstrations with " + bias,
            Family.SPURIOUS, p, plain, "nli2", SPURIOUS_SEEDS, false, false, true, p, true, h + "_" + bias));
      }
      String zp = "spurious/" + h + "/entail-bias";
      // Spec quirk 6: upstream writes zero-shot results over the few-shot seed-0 file; its recording is <h>_zero.
      String zeroDir = sharedSpuriousZero ? zp : "spurious/" + h + "_zero";
      out.add(new AdvDemoScenario("spurious/" + h + "/zero", "spurious correlation " + h + ": zero-shot",
          Family.SPURIOUS, zp, plain, "nli2", List.of(0), true, false, false, zeroDir, sharedSpuriousZero, null));
    }
    for (String m : METHODS) {
      for (String s : SETUPS) {
        String p = "backdoor/experiment1/sst-2_" + s + "_" + m;
        out.add(new AdvDemoScenario("backdoor/experiment1/" + m + "/" + s, "backdoor " + m + " " + s + ": triggered and clean inputs",
            Family.BACKDOOR, p, BACKDOOR_SUFFIXES, "sa", BACKDOOR_SEEDS, false, false, true, p, true, m + "_" + s));
      }
    }
    for (String v : List.of("0", "1")) {
      String p = "backdoor/experiment2/sst-2_setup2_badword_" + v;
      out.add(new AdvDemoScenario("backdoor/experiment2/badword_" + v,
          "backdoor experiment 2: trigger-bearing demonstrations at the " + (v.equals("1") ? "beginning" : "end"),
          Family.BACKDOOR, p, BACKDOOR_SUFFIXES, "sa", BACKDOOR_SEEDS, false, false, false, p, true, null));
    }
    for (String s : List.of("setup2", "setup3")) {
      for (String loc : List.of("first", "middle", "end")) {
        String p = "backdoor/experiment3/" + s + "_cf_" + loc;
        out.add(new AdvDemoScenario("backdoor/experiment3/" + s + "_cf_" + loc,
            "backdoor experiment 3: " + s + ", trigger at the " + loc + " of the text",
            Family.BACKDOOR, p, BACKDOOR_SUFFIXES, "sa", BACKDOOR_SEEDS, false, false, false, p, true, null));
      }
    }
    // Upstream would write experiment 4 over experiment 1's results folder; ours keeps them apart.
    out.add(new AdvDemoScenario("backdoor/experiment4/badword/setup1",
        "backdoor experiment 4: badword setup1 with the backdoor named in the task description",
        Family.BACKDOOR, "backdoor/experiment1/sst-2_setup1_badword", BACKDOOR_SUFFIXES, "badword", BACKDOOR_SEEDS,
        false, false, false, "backdoor/experiment4/sst-2_setup1_badword", true, null));
    return List.copyOf(out);
  }
}
