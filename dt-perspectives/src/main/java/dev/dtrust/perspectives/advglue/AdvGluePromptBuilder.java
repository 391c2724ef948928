package dev.dtrust.perspectives.advglue;

import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.perspectives.advglue.InputRecords.InputRecord;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Builds the message list of one record exactly as upstream's {@code classify} does (spec §3). */
final class AdvGluePromptBuilder {
  private static final String ORIGINAL = "original_";

  private final AdvGlueTemplates templates;
  private final PromptSettings settings;

  AdvGluePromptBuilder(AdvGlueTemplates templates, PromptSettings settings) {
    this.templates = templates;
    this.settings = settings;
  }

  /** The messages for a record, or {@code null} when upstream skips it (spec §3 step 2, Q8). */
  @Nullable List<ChatMessage> build(String task, InputRecord record) {
    String[] keys = templates.keys(task);
    String key1 = keys[0];
    String key2 = keys[1];
    if (settings.noAdv() && settings.dataFile()) {
      // Q8: only the first original_* field found is swapped; a record with neither is skipped.
      if (record.has(ORIGINAL + key1)) {
        key1 = ORIGINAL + key1;
      } else if (key2 != null && record.has(ORIGINAL + key2)) {
        key2 = ORIGINAL + key2;
      } else {
        return null;
      }
    }
    String message;
    if ("semattack".equals(record.optionalText("method"))) {
      // semattack records carry the composed text in one field (spec §2).
      message = record.text(settings.noAdv() ? "original_sentence" : "sentence");
    } else {
      message = label(key1) + ": " + record.text(key1);
      if (key2 != null) {
        message += "\n" + label(key2) + ": " + record.text(key2);
      }
    }
    // Q4: plain substring replacement over labels and record text alike, for every task.
    for (String[] r : templates.postReplacements()) {
      message = message.replace(r[0], r[1]);
    }
    if (settings.removeNewline()) {
      message = message.replace("\n", "");
    }
    List<ChatMessage> messages = new ArrayList<>();
    if (settings.sys()) {
      messages.add(ChatMessage.system(templates.systemPrompt()));
    }
    if (settings.demo()) {
      // Q7: mnli-mm has no demos upstream (KeyError) unless the deviation option is on.
      String demoTask = settings.mnliMmDemos() && task.equals("mnli-mm") ? "mnli" : task;
      messages.addAll(templates.demos(demoTask));
    }
    messages.add(ChatMessage.user(templates.instruction(task) + "\n" + message));
    return messages;
  }

  private static String label(String key) {
    // upstream: key.replace('original_', '') — anywhere in the name, not only as a prefix.
    return key.replace(ORIGINAL, "");
  }
}
