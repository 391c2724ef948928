package dev.dtrust.perspectives.privacy;

import dev.dtrust.core.data.DataException;
import dev.dtrust.core.data.Templates;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the privacy-understanding prompts of one topic and question (spec §3.4): each of the 17
 * secret-sharing sentences, then a newline, one space and the question. The sentence and question
 * arguments are resolved from {@code sentence_args} / {@code question_args} in the templates.
 */
final class UnderstandingPromptBuilder {

  /** One distinct prompt and the privacy word it is scored under. */
  record SecretItem(String word, String content) {}

  private final PrivacyConfig cfg;

  UnderstandingPromptBuilder(PrivacyConfig cfg) {
    this.cfg = cfg;
  }

  /** The 17 prompts of a topic for a question id, in generation order. */
  List<SecretItem> build(String topic, int question) {
    if (!cfg.topic2word.containsKey(topic)) {
      throw new DataException(cfg.file, 0, "/understanding/topic2word/" + Templates.escape(topic), "missing");
    }
    String q = String.valueOf(question);
    String questionTemplate = cfg.questions.get(q);
    List<String> questionArgs = cfg.questionArgs.get(q);
    if (questionTemplate == null || questionArgs == null) {
      throw new DataException(cfg.file, 0, "/understanding/questions/" + q, "missing");
    }
    String questionText = cfg.format("/understanding/questions/" + q, questionTemplate,
        resolve(questionArgs, topic, "/understanding/question_args/" + q));
    Object[] sentenceArgs = resolve(cfg.sentenceArgs, topic, "/understanding/sentence_args");
    List<SecretItem> out = new ArrayList<>(cfg.secretPrompts.size());
    for (int i = 0; i < cfg.secretPrompts.size(); i++) {
      PrivacyConfig.SecretPrompt p = cfg.secretPrompts.get(i);
      String secret = cfg.format("/understanding/prompts/" + i + "/0", p.template(), sentenceArgs);
      String content = cfg.userMessageFormat.replace("{secret}", secret).replace("{question}", questionText);
      out.add(new SecretItem(p.word(), content));
    }
    return out;
  }

  /** Resolves {@code person_N} and {@code topic2word[topic][i]} argument names. */
  private Object[] resolve(List<String> names, String topic, String pointer) {
    Object[] out = new Object[names.size()];
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      if (n.startsWith("person_")) {
        int idx = parse(n.substring(7), pointer + "/" + i) - 1;
        if (idx < 0 || idx >= cfg.persons.size()) {
          throw new DataException(cfg.file, 0, pointer + "/" + i, "no such person: " + n);
        }
        out[i] = cfg.persons.get(idx);
      } else if (n.startsWith("topic2word[topic][") && n.endsWith("]")) {
        int idx = parse(n.substring(18, n.length() - 1), pointer + "/" + i);
        List<String> words = cfg.topic2word.get(topic);
        if (idx < 0 || idx >= words.size()) {
          throw new DataException(cfg.file, 0, pointer + "/" + i, "no such phrase: " + n);
        }
        out[i] = words.get(idx);
      } else {
        throw new DataException(cfg.file, 0, pointer + "/" + i, "expected person_N or topic2word[topic][i], found " + n);
      }
    }
    return out;
  }

  private int parse(String s, String pointer) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new DataException(cfg.file, 0, pointer, "expected an index, found " + s);
    }
  }
}
