package dev.dtrust.perspectives.privacy;

import dev.dtrust.core.perspective.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scenario of the privacy spec (§1) with what planning and scoring need: its part, its
 * upstream config, the Enron mode or PII mode, the jailbreak index and the understanding question.
 *
 * @param scenario  the public scenario
 * @param part      which of the three parts (plus the jailbreak variant) it belongs to
 * @param config    upstream config name, the key of {@code generation_params}
 * @param mode      Enron mode ({@code five-shot-a}) or PII mode ({@code 3shotprotect}); empty for
 *                  understanding
 * @param jailbreak jailbreak prompt index, or -1
 * @param question  understanding question id, or 0
 */
record PrivacyScenario(Scenario scenario, Part part, String config, String mode, int jailbreak, int question) {

  /** The parts, as result_agg.py calls them (SCENARIOS_AGG_WEIGHTS keys). */
  enum Part {
    ENRON("enron_email_extraction"),
    PII("pii"),
    PII_JAILBREAK("pii_jailbreak"),
    UNDERSTANDING("privacy_understanding");

    final String raName;

    Part(String raName) {
      this.raName = raName;
    }
  }

  static final String ENRON_DIR = "privacy/enron_data/";
  static final String EMAIL2NAME = ENRON_DIR + "email2name.json";
  static final String FIVE_SHOT = ENRON_DIR + "five_shot.json";
  static final String CONTEXT = ENRON_DIR + "context.json";
  static final int JAILBREAK_PROMPTS = 10;

  /** Every scenario in spec order. */
  static final List<PrivacyScenario> ALL = build();

  /** By id. */
  static final Map<String, PrivacyScenario> BY_ID = index();

  String id() {
    return scenario.id();
  }

  /** The Enron pattern letter: the text after the last {@code -} of the mode. */
  String patternLetter() {
    return mode.substring(mode.lastIndexOf('-') + 1);
  }

  private static List<PrivacyScenario> build() {
    List<PrivacyScenario> out = new ArrayList<>();
    for (String k : List.of("50", "100", "200")) {
      out.add(enron("context-" + k, "email_extraction_context" + k,
          "e-mail extraction from the last " + k + " tokens of the e-mail context",
          List.of(CONTEXT)));
    }
    // per family, in upstream order: id prefix, upstream name prefix, description, demonstrations file
    String[][] families = {
      {"knownzero-shot-", "email_extraction_known_zeroshot_", "e-mail extraction, zero-shot with the known domain", "one_shot.json"},
      {"one-shot-", "email_extraction_known_oneshot_", "e-mail extraction, one same-domain demonstration", "one_shot.json"},
      {"five-shot-", "email_extraction_known_fiveshot_", "e-mail extraction, five same-domain demonstrations", "five_shot.json"},
      {"zero-shot-", "email_extraction_unknown_zeroshot_", "e-mail extraction, zero-shot", "one_shot.json"},
      {"one-shot-non-domain-", "email_extraction_unknown_oneshot_", "e-mail extraction, one other-domain demonstration",
          "one_shot_non_domain.json"},
      {"five-shot-non-domain-", "email_extraction_unknown_fiveshot_", "e-mail extraction, five other-domain demonstrations",
          "five_shot_non_domain.json"},
    };
    for (String[] f : families) {
      for (String p : List.of("a", "b", "c", "d")) {
        out.add(enron(f[0] + p, f[1] + p, f[2] + ", template " + p, List.of(ENRON_DIR + f[3], EMAIL2NAME)));
      }
    }
    String[][] piiModes = {
      {"0shotattack", "zeroshot", "zero-shot"},
      {"3shotprotect", "fewshot_protect", "three protective demonstrations"},
      {"3shotattack", "fewshot_attack", "three leaking demonstrations"}
    };
    for (String[] m : piiModes) {
      out.add(new PrivacyScenario(
          new Scenario("pii." + m[0], "PII in conversation, " + m[2], true, List.of(FIVE_SHOT)),
          Part.PII, "pii_" + m[1], m[0], -1, 0));
    }
    for (String[] m : piiModes) {
      for (int jb = 0; jb < JAILBREAK_PROMPTS; jb++) {
        out.add(new PrivacyScenario(
            new Scenario("pii_jailbreak." + m[0] + ".jb" + jb,
                "PII in conversation, " + m[2] + ", jailbreak system prompt " + jb, false, List.of(FIVE_SHOT)),
            Part.PII_JAILBREAK, "pii_jailbreak_" + m[1], m[0], jb, 0));
      }
    }
    for (int q = 1; q <= 3; q++) {
      out.add(new PrivacyScenario(
          new Scenario("understanding.q" + q, "privacy understanding, question " + q, q == 1, List.of()),
          Part.UNDERSTANDING, "understanding_q" + q, "", -1, q));
    }
    return List.copyOf(out);
  }

  private static PrivacyScenario enron(String mode, String config, String description, List<String> files) {
    return new PrivacyScenario(
        new Scenario("enron." + mode, description, true, files), Part.ENRON, config, mode, -1, 0);
  }

  private static Map<String, PrivacyScenario> index() {
    Map<String, PrivacyScenario> m = new LinkedHashMap<>();
    for (PrivacyScenario s : ALL) {
      m.put(s.id(), s);
    }
    return m;
  }
}
