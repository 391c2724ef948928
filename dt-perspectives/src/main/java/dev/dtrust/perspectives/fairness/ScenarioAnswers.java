package dev.dtrust.perspectives.fairness;

import dev.dtrust.core.model.ChatMessage;
import java.util.List;

/**
 * The answers of one scenario, in record order, as upstream's out file holds them: possibly
 * fewer than the records (upstream's loop stops at the first failed call), never more.
 *
 * @param scenario the scenario
 * @param records  how many records its prompt file has
 * @param answers  {@code choices[0].message.content} per answered record, in order
 * @param labels   the gold labels of the same records
 * @param prompts  the messages sent for the same records (for failure examples)
 */
public record ScenarioAnswers(
    FairnessScenario scenario, int records, List<String> answers, List<String> labels, List<List<ChatMessage>> prompts) {

  public ScenarioAnswers {
    answers = List.copyOf(answers);
    labels = List.copyOf(labels);
    prompts = List.copyOf(prompts);
    if (labels.size() != answers.size() || prompts.size() != answers.size()) {
      throw new IllegalArgumentException("answers, labels and prompts differ in length");
    }
  }
}
