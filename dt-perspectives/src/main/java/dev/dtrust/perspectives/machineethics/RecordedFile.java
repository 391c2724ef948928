package dev.dtrust.perspectives.machineethics;

import dev.dtrust.core.model.ChatMessage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One upstream result file ({@code few_shot_…json}) of one model, or the answers of one planned
 * scenario, as the scorer reads it.
 *
 * @param name    upstream's file name, e.g. {@code few_shot_0_test_num200_jailbreak_1_evasive_0.json}
 * @param answers the answers in file order
 * @param failed  probes that got no answer (live runs only)
 */
record RecordedFile(String name, List<Answer> answers, int failed) {

  RecordedFile {
    answers = List.copyOf(answers);
  }

  /**
   * One answer.
   *
   * @param content  {@code response['choices'][0]['message']['content']}
   * @param gold     the gold label word (label file, {@code response['label']} for upstream's GPT
   *                 model names, or the probe's label), or null when unknown
   * @param key      the probe key, or null for recordings
   * @param messages the prompt, or null when not recorded
   */
  record Answer(String content, @Nullable String gold, @Nullable String key, @Nullable List<ChatMessage> messages) {}
}
