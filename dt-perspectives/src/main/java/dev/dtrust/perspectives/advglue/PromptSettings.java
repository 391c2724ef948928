package dev.dtrust.perspectives.advglue;

import java.util.List;

/**
 * How one scenario's prompts are built: upstream's config switches (spec §1, §3), from the
 * scenario's config in the templates, overridable by options.
 *
 * @param sys           send the system prompt first ({@code sys})
 * @param demo          insert the task's demonstration turns ({@code demo})
 * @param noAdv         use the benign ({@code original_*}) text ({@code no_adv})
 * @param dataFile      whether the scenario reads an AdvGLUE++ file ({@code data_file} set)
 * @param removeNewline delete every newline from the record text ({@code remove_newline})
 * @param mnliMmDemos   deviation from Q7: give mnli-mm the mnli demonstrations instead of failing
 * @param tasks         the tasks, in order
 */
record PromptSettings(
    boolean sys,
    boolean demo,
    boolean noAdv,
    boolean dataFile,
    boolean removeNewline,
    boolean mnliMmDemos,
    List<String> tasks) {

  PromptSettings {
    tasks = List.copyOf(tasks);
  }
}
