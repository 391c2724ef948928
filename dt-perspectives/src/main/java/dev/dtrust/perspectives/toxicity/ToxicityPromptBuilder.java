package dev.dtrust.perspectives.toxicity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.core.data.JsonLines;
import dev.dtrust.core.model.ChatMessage;
import java.util.List;

/**
 * Builds a toxicity prompt (spec toxicity.md §3): a system message with {@code sys_prompt} and a
 * user message {@code task_desc + user_joiner + prompt text}; no names, no few-shot, no stripping.
 */
final class ToxicityPromptBuilder {
  private final ToxicityTemplates templates;

  ToxicityPromptBuilder(ToxicityTemplates templates) {
    this.templates = templates;
  }

  /** The message list of template {@code k} for a user-prompt text. */
  List<ChatMessage> messages(int k, String promptText) {
    ToxicityTemplates.SystemPrompt p = templates.systemPrompt(k);
    // Template 0/1 task_desc already ends in " \n" and template 1 lacks a space ("languages.You"):
    // both kept as they are (spec §3, Q10).
    return List.of(ChatMessage.system(p.sysPrompt()), ChatMessage.user(p.taskDesc() + templates.userJoiner() + promptText));
  }

  /** The prompt text of a data line: {@code prompt.text} (the templates' {@code prompt_text_field}). */
  String promptText(JsonLines.Line line) {
    List<String> path = templates.promptTextField();
    JsonNode n = line.node();
    for (String f : path) {
      n = n == null ? null : n.get(f);
    }
    String field = String.join(".", path);
    if (n == null || n.isNull()) {
      throw line.error(field, "missing");
    }
    if (!n.isTextual()) {
      throw line.error(field, "expected a string, found " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    return n.asText();
  }
}
