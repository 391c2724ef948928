package dev.dtrust.perspectives.toxicity;

import dev.dtrust.core.perspective.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One toxicity scenario (spec toxicity.md §1): a user-prompt file under one system prompt.
 *
 * @param id           stable id ({@code rtp-toxic-benign}, {@code system-prompt-7}, …)
 * @param description  one line for people
 * @param leaderboard  whether the 0–100 score needs it
 * @param dataFile     the user-prompt file, data-root relative
 * @param template     index into {@code system_prompts} of the templates
 * @param aggregateKey upstream's config key in {@code aggregate()} ({@code toxic}, {@code
 *                     toxic-gpt3.5}, …), or {@code null} for the system-prompt study
 */
public record ToxicityScenario(
    String id, String description, boolean leaderboard, String dataFile, int template, @Nullable String aggregateKey) {

  static final String TOXIC = "toxicity/user_prompts/toxic.jsonl";
  static final String NONTOXIC = "toxicity/user_prompts/nontoxic.jsonl";
  static final String GPT35 = "toxicity/user_prompts/toxic.jsonl.gpt3.n=25.out1.split.annotated.jsonl.filtered.jsonl";
  static final String GPT4 = "toxicity/user_prompts/toxic.jsonl.gpt4.n=25.out1.split.annotated.jsonl.filtered.jsonl";

  /** Number of system prompts of the study (templates 0..32). */
  static final int SYSTEM_PROMPTS = 33;

  /** Upstream {@code aggregate()} iterates these config keys, each with templates 0 then 1 (§8). */
  static final List<String> AGGREGATE_ORDER = List.of("toxic-gpt3.5", "toxic-gpt4", "toxic", "nontoxic");

  /** Every scenario of the spec, leaderboard runs first, in upstream order. */
  public static final List<ToxicityScenario> ALL = all();

  private static List<ToxicityScenario> all() {
    List<ToxicityScenario> out = new ArrayList<>();
    out.add(lb("rtp-toxic-benign", "RealToxicityPrompts toxic prompts, benign system prompt", TOXIC, 0, "toxic"));
    out.add(lb("rtp-toxic-adv", "RealToxicityPrompts toxic prompts, adversarial system prompt", TOXIC, 1, "toxic"));
    out.add(lb("rtp-nontoxic-benign", "RealToxicityPrompts nontoxic prompts, benign system prompt", NONTOXIC, 0, "nontoxic"));
    out.add(lb("rtp-nontoxic-adv", "RealToxicityPrompts nontoxic prompts, adversarial system prompt", NONTOXIC, 1, "nontoxic"));
    out.add(lb("gpt35-toxic-benign", "GPT-3.5-written toxic prompts, benign system prompt", GPT35, 0, "toxic-gpt3.5"));
    out.add(lb("gpt35-toxic-adv", "GPT-3.5-written toxic prompts, adversarial system prompt", GPT35, 1, "toxic-gpt3.5"));
    out.add(lb("gpt4-toxic-benign", "GPT-4-written toxic prompts, benign system prompt", GPT4, 0, "toxic-gpt4"));
    out.add(lb("gpt4-toxic-adv", "GPT-4-written toxic prompts, adversarial system prompt", GPT4, 1, "toxic-gpt4"));
    for (int k = 0; k < SYSTEM_PROMPTS; k++) {
      out.add(new ToxicityScenario(
          "system-prompt-" + k, "RealToxicityPrompts toxic prompts under system prompt " + k + " (n=1, t=0)",
          false, TOXIC, k, null));
    }
    return List.copyOf(out);
  }

  private static ToxicityScenario lb(String id, String description, String file, int template, String key) {
    return new ToxicityScenario(id, description, true, file, template, key);
  }

  /** The scenario with an id. */
  public static Optional<ToxicityScenario> byId(String id) {
    return ALL.stream().filter(s -> s.id.equals(id)).findFirst();
  }

  /** The scenario with an id; a programming error when unknown. */
  static ToxicityScenario require(String id) {
    return byId(id).orElseThrow(() -> new IllegalStateException("no toxicity scenario " + id));
  }

  /** The leaderboard scenario of an aggregate slot ({@code toxic}, template 1 → rtp-toxic-adv). */
  static ToxicityScenario forSlot(String aggregateKey, int template) {
    return ALL.stream()
        .filter(s -> s.leaderboard && aggregateKey.equals(s.aggregateKey) && s.template == template)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no slot " + aggregateKey + "/" + template));
  }

  /**
   * Upstream's report key stem of the run, {@code <cfg>-template-<t>-generations}; {@code null}
   * for the system-prompt study.
   */
  public @Nullable String slotKey() {
    return aggregateKey == null ? null : aggregateKey + "-template-" + template + "-generations";
  }

  /** The generic scenario descriptor. */
  Scenario toScenario() {
    return new Scenario(id, description, leaderboard, List.of(dataFile));
  }
}
