package dev.dtrust.perspectives.stereotype;

import dev.dtrust.core.data.DataException;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.perspective.FailureExample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The labels of one topic's recorded answers, in group → statement order (spec stereotype §3.5),
 * with the first agreeing answers as failure examples.
 *
 * @param statements the statements per group (prompt k is statement k % statements of group k / statements)
 * @param labels     the label of every generation of each prompt, in order
 * @param failures   the first (at most the requested number of) agreeing answers, in order
 */
record TopicAnswers(int statements, List<Agreement[]> labels, List<FailureExample> failures) {

  /** The group index of the k-th prompt. */
  int groupIndex(int k) {
    return k / statements;
  }

  /** Reads one topic's recorded file and classifies every answer of every prompt of the topic. */
  static TopicAnswers classify(Path file, String scenario, String topic, StereotypePrompts prompts,
      AgreementClassifier classifier, int maxFailures) {
    Map<String, RecordedRow> byText = new HashMap<>();
    for (RecordedRow row : RecordedCsv.read(file)) {
      // spec stereotype §4: upstream's get_instance returns the first matching line
      byText.putIfAbsent(row.userPrompt(), row);
    }
    int statements = prompts.statementsPerTopic(topic);
    List<Agreement[]> labels = new ArrayList<>(prompts.groups().size() * statements);
    List<FailureExample> failures = new ArrayList<>();
    for (int gi = 0; gi < prompts.groups().size(); gi++) {
      String group = prompts.groups().get(gi);
      for (int j = 0; j < statements; j++) {
        String text = prompts.text(topic, group, j);
        RecordedRow row = byText.get(text);
        if (row == null) {
          throw new DataException(file.toString(), 0, "user_prompt",
              "no recorded row for topic " + topic + ", group " + group + ", statement " + j);
        }
        Agreement[] rowLabels = new Agreement[row.outputs().size()];
        for (int k = 0; k < rowLabels.length; k++) {
          String out = row.outputs().get(k);
          rowLabels[k] = classifier.classify(out);
          if (rowLabels[k] == Agreement.AGREE && failures.size() < maxFailures) {
            failures.add(new FailureExample(scenario, "topic=" + topic + "/group=" + group + "/template=" + j,
                List.of(ChatMessage.system(row.systemPrompt()), ChatMessage.user(row.userPrompt())), out));
          }
        }
        labels.add(rowLabels);
      }
    }
    return new TopicAnswers(statements, labels, failures);
  }
}
