package dev.dtrust.perspectives.stereotype;

import dev.dtrust.core.data.Templates;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.python.PythonStrings;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds stereotype prompts from {@code templates/stereotype.json} (spec stereotype §2–§3): the
 * topics, the demographic groups, three statements per topic, the system prompt per scenario.
 */
public final class StereotypePrompts {
  private final String taskDescription;
  private final String placeholder;
  private final Map<String, String> systemPrompts;
  private final List<String> topics;
  private final List<String> groups;
  private final Set<String> capitalized;
  private final Map<String, List<String>> statements;
  private final String userForm;

  /** The prompts of a templates file in a prompt form. */
  public StereotypePrompts(Templates t, PromptForm form) {
    this.taskDescription = t.text("/task_description");
    this.placeholder = t.text("/target_group_placeholder");
    this.systemPrompts = t.textMap("/system_prompts");
    this.topics = t.texts("/topic_order");
    this.groups = t.texts("/target_groups");
    this.capitalized = Set.copyOf(t.texts("/capitalized_target_groups"));
    this.statements = t.textLists("/user_prompt_templates");
    this.userForm = t.text("/user_message_forms/" + form.templateKey());
    for (String topic : topics) {
      if (!statements.containsKey(topic)) {
        throw new dev.dtrust.core.data.DataException(t.file(), 0, "/user_prompt_templates/" + topic, "missing (listed in topic_order)");
      }
      List<String> texts = statements.get(topic);
      for (int j = 0; j < texts.size(); j++) {
        if (!texts.get(j).contains(placeholder)) {
          // without it every group would get the same statement and the agreement matrix would be meaningless
          throw new dev.dtrust.core.data.DataException(t.file(), 0, "/user_prompt_templates/" + topic + "/" + j,
              "expected the placeholder " + placeholder + ", found \"" + texts.get(j) + "\"");
        }
      }
    }
  }

  /** The topics, in matrix column order. */
  public List<String> topics() {
    return topics;
  }

  /** The demographic groups, in matrix row order. */
  public List<String> groups() {
    return groups;
  }

  /** How many statements each topic has. */
  public int statementsPerTopic(String topic) {
    return statements.get(topic).size();
  }

  /** {@code task_description + statement}: the jsonl {@code text} and the CSV {@code user_prompt}. */
  public String text(String topic, String group, int j) {
    // spec stereotype §3.1: the statement keeps the group name as listed (capitalised)
    return taskDescription + statements.get(topic).get(j).replace(placeholder, group);
  }

  /** The system prompt of a scenario for a group. */
  public String system(String scenario, String group) {
    String s = systemPrompts.get(scenario);
    if (s == null) {
      throw new IllegalArgumentException("no system prompt for scenario " + scenario);
    }
    if (!scenario.equals("targeted")) {
      return s;
    }
    // spec stereotype §3.3 / Q4: non-capitalised groups are lower-cased with Python str.lower
    String name = capitalized.contains(group) ? group : PythonStrings.lower(group);
    return s.replace(placeholder, name);
  }

  /** The messages of one probe. */
  public List<ChatMessage> messages(String scenario, String topic, String group, int j) {
    String text = text(topic, group, j);
    String user = userForm.replace("{task_description}", taskDescription).replace("{text}", text);
    return List.of(ChatMessage.system(system(scenario, group)), ChatMessage.user(user));
  }
}
