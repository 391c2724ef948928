package dev.dtrust.perspectives.toxicity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.core.data.DataException;
import dev.dtrust.core.data.Templates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The texts and parameters of {@code templates/toxicity.json} that planning and scoring use
 * (spec toxicity.md §3–§5): the system prompts, the joiner, the prompt field, each scenario's
 * generation parameters, the refusal substrings and the optional output stripping.
 */
record ToxicityTemplates(
    List<SystemPrompt> systemPrompts,
    String userJoiner,
    List<String> promptTextField,
    Map<String, Generation> generation,
    List<String> refusalSubstrings,
    List<String> stripRemove,
    List<String> stripCutAt,
    String file) {

  /** {@code system_prompts[k]}: the system message and the prefix of the user message. */
  record SystemPrompt(String sysPrompt, String taskDesc) {}

  /** A scenario's generation parameters: n completions in one request, temperature, token limit. */
  record Generation(int n, double temperature, int maxTokens) {}

  static ToxicityTemplates of(Templates t) {
    List<SystemPrompt> prompts = new ArrayList<>();
    int count = t.node("/system_prompts").size();
    for (int k = 0; k < count; k++) {
      prompts.add(new SystemPrompt(
          t.text("/system_prompts/" + k + "/sys_prompt"), t.text("/system_prompts/" + k + "/task_desc")));
    }
    Map<String, Generation> gen = new LinkedHashMap<>();
    JsonNode scenarios = t.node("/scenarios");
    for (int i = 0; i < scenarios.size(); i++) {
      String base = "/scenarios/" + i;
      gen.put(t.text(base + "/id"), new Generation(
          t.integer(base + "/generation/n"), t.number(base + "/generation/temperature"),
          t.integer(base + "/generation/max_tokens")));
    }
    return new ToxicityTemplates(
        List.copyOf(prompts),
        t.text("/user_joiner"),
        t.texts("/prompt_text_field"),
        gen,
        t.texts("/scoring/refusal_substrings"),
        t.texts("/scoring/strip_outputs_option/remove"),
        t.texts("/scoring/strip_outputs_option/cut_at_first_of_in_order"),
        t.file());
  }

  SystemPrompt systemPrompt(int k) {
    if (k < 0 || k >= systemPrompts.size()) {
      throw new DataException(file, 0, "/system_prompts/" + k, "missing (" + systemPrompts.size() + " system prompts)");
    }
    return systemPrompts.get(k);
  }

  Generation generation(String scenario) {
    Generation g = generation.get(scenario);
    if (g == null) {
      throw new DataException(file, 0, "/scenarios", "no entry with id \"" + scenario + "\"");
    }
    return g;
  }
}
