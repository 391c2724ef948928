package dev.dtrust.perspectives.advdemonstration;

import dev.dtrust.core.data.Templates;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.python.PythonCapitalize;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds upstream's classification prompts ({@code Chat.do_classification}, spec §2) from the
 * templates: a zero-shot pair when a record has no demonstrations left, else the few-shot layout
 * system → task → acknowledgement → (demo, label)… → input.
 */
final class PromptBuilder {
  private final Templates templates;
  private final boolean examplePrefix;
  private final String fewShotSystem;
  private final String zeroShotSystem;
  private final String prefixSystem;
  private final String ack;
  private final String joiner;
  private final double temperature;
  private final int maxTokens;
  private final int n;

  /**
   * @param templates     {@code templates/adv_demonstration.json}
   * @param examplePrefix upstream's unused {@code example_prefix=True} layout (named system turns)
   */
  PromptBuilder(Templates templates, boolean examplePrefix) {
    this.templates = templates;
    this.examplePrefix = examplePrefix;
    this.fewShotSystem = templates.text("/system_prompt/few_shot");
    this.zeroShotSystem = templates.text("/system_prompt/zero_shot");
    this.prefixSystem = examplePrefix ? templates.text("/system_prompt/few_shot_example_prefix") : "";
    this.ack = templates.text("/assistant_ack");
    this.joiner = templates.text("/zero_shot_joiner");
    this.temperature = templates.number("/generation/temperature");
    this.maxTokens = templates.integer("/generation/max_tokens");
    this.n = templates.integer("/generation/n");
  }

  /** The task description of a task key. */
  String task(String key) {
    return templates.text("/task_descriptions/" + Templates.escape(key));
  }

  /** The demonstrations a scenario keeps: none (zero), the last one (only), or all. */
  static List<DemoRecord.Demo> demos(AdvDemoScenario scenario, DemoRecord record) {
    List<DemoRecord.Demo> ex = record.examples();
    if (scenario.zero()) {
      return List.of();
    }
    if (scenario.only() && !ex.isEmpty()) {
      return List.of(ex.get(ex.size() - 1));
    }
    return ex;
  }

  /** The message list of one record. */
  List<ChatMessage> messages(String task, List<DemoRecord.Demo> demos, String input) {
    List<ChatMessage> out = new ArrayList<>(4 + 2 * demos.size());
    if (demos.isEmpty()) {
      out.add(ChatMessage.system(zeroShotSystem));
      out.add(ChatMessage.user(task + joiner + input));
      return out;
    }
    if (examplePrefix) {
      out.add(ChatMessage.system(prefixSystem + task));
      for (DemoRecord.Demo d : demos) {
        out.add(new ChatMessage("system", d.text(), "example_user"));
        out.add(new ChatMessage("system", PythonCapitalize.capitalize(d.label()), "example_assistant"));
      }
    } else {
      out.add(ChatMessage.system(fewShotSystem));
      out.add(ChatMessage.user(task));
      out.add(ChatMessage.assistant(ack));
      for (DemoRecord.Demo d : demos) {
        out.add(ChatMessage.user(d.text()));
        // Spec quirk 8: str.capitalize lower-cases the tail of the label ("YES" -> "Yes").
        out.add(ChatMessage.assistant(PythonCapitalize.capitalize(d.label())));
      }
    }
    out.add(ChatMessage.user(input));
    return out;
  }

  /** The request of one record: temperature 0, max_tokens 20, n 1, nothing else (spec §3). */
  ChatRequest request(List<ChatMessage> messages) {
    return new ChatRequest(messages, temperature, maxTokens, null, n, null, null);
  }
}
