package dev.dtrust.perspectives.advglue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.core.data.DataException;
import dev.dtrust.core.data.Templates;
import dev.dtrust.core.model.ChatMessage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The texts and tables of {@code templates/advglue.json}: instructions, demonstrations, record
 * fields, answer words and generation parameters (spec §3–§4). Nothing here is a Java constant.
 *
 * @param templates the underlying file, for lookups that fail lazily (a task without demos)
 */
record AdvGlueTemplates(
    Templates templates,
    String systemPrompt,
    Map<String, String> taskInstruction,
    Map<String, String[]> taskToKeys,
    Map<String, List<AnswerWord>> answerMapping,
    List<String[]> postReplacements,
    Map<String, String> tasksToGlue,
    List<String> baseModels) {

  /** One answer word and the label it stands for, in the mapping's order (order matters, §4). */
  record AnswerWord(String word, int label) {}

  /** What one scenario's upstream config says. */
  record ScenarioConfig(
      @Nullable String dataFile, String resultFileName, double temperature, int maxTokens, int n) {}

  static AdvGlueTemplates load(Templates t) {
    Map<String, String[]> keys = new LinkedHashMap<>();
    JsonNode k = object(t, "/task_to_keys");
    for (Iterator<String> it = k.fieldNames(); it.hasNext(); ) {
      String task = it.next();
      String pointer = "/task_to_keys/" + Templates.escape(task);
      JsonNode pair = t.node(pointer);
      if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual()
          || !(pair.get(1).isTextual() || pair.get(1).isNull())) {
        throw new DataException(t.file(), 0, pointer, "expected [key1, key2 or null]");
      }
      keys.put(task, new String[] {pair.get(0).asText(), pair.get(1).isNull() ? null : pair.get(1).asText()});
    }
    Map<String, List<AnswerWord>> mapping = new LinkedHashMap<>();
    JsonNode m = object(t, "/answer_mapping");
    for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
      String task = it.next();
      String pointer = "/answer_mapping/" + Templates.escape(task);
      List<AnswerWord> words = new ArrayList<>();
      JsonNode arr = t.node(pointer);
      for (int i = 0; i < arr.size(); i++) {
        JsonNode pair = arr.get(i);
        if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual() || !pair.get(1).isIntegralNumber()) {
          throw new DataException(t.file(), 0, pointer + "/" + i, "expected [word, integer label]");
        }
        words.add(new AnswerWord(pair.get(0).asText(), pair.get(1).asInt()));
      }
      mapping.put(task, List.copyOf(words));
    }
    List<String[]> replacements = new ArrayList<>();
    JsonNode r = t.node("/field_label_rules/post_replacements_in_order");
    for (int i = 0; i < r.size(); i++) {
      String pointer = "/field_label_rules/post_replacements_in_order/" + i;
      replacements.add(new String[] {t.text(pointer + "/0"), t.text(pointer + "/1")});
    }
    return new AdvGlueTemplates(
        t,
        t.text("/system_prompt"),
        t.textMap("/task_instruction"),
        keys,
        mapping,
        replacements,
        t.textMap("/tasks_to_glue"),
        t.texts("/base_models"));
  }

  private static JsonNode object(Templates t, String pointer) {
    JsonNode n = t.node(pointer);
    if (!n.isObject()) {
      throw new DataException(t.file(), 0, pointer, "expected an object, found " + n.getNodeType());
    }
    return n;
  }

  /** The instruction line of a task. */
  String instruction(String task) {
    String s = taskInstruction.get(task);
    if (s == null) {
      throw new DataException(templates.file(), 0, "/task_instruction/" + task, "missing");
    }
    return s;
  }

  /** The record fields of a task: key1 and key2 (null for sst2). */
  String[] keys(String task) {
    String[] k = taskToKeys.get(task);
    if (k == null) {
      throw new DataException(templates.file(), 0, "/task_to_keys/" + task, "missing");
    }
    return k;
  }

  /** The ordered answer words of a task. */
  List<AnswerWord> answers(String task) {
    List<AnswerWord> a = answerMapping.get(task);
    if (a == null) {
      throw new DataException(templates.file(), 0, "/answer_mapping/" + task, "missing");
    }
    return a;
  }

  /** The HF glue config of a task (benign input, metric). */
  String glueConfig(String task) {
    String g = tasksToGlue.get(task);
    if (g == null) {
      throw new DataException(templates.file(), 0, "/tasks_to_glue/" + task, "missing");
    }
    return g;
  }

  /**
   * The demonstration turns of a task. A task without an entry (mnli-mm) fails as upstream's
   * {@code KeyError: 'mnli-mm'} does (Q7): a {@link DataException} naming {@code /demos/<task>}.
   */
  List<ChatMessage> demos(String task) {
    String pointer = "/demos/" + Templates.escape(task);
    JsonNode arr = templates.node(pointer);
    List<ChatMessage> out = new ArrayList<>(arr.size());
    for (int i = 0; i < arr.size(); i++) {
      out.add(new ChatMessage(templates.text(pointer + "/" + i + "/role"), templates.text(pointer + "/" + i + "/content"), null));
    }
    return out;
  }

  /** A scenario's upstream config and generation parameters. */
  ScenarioConfig scenario(String id) {
    String p = "/scenarios/" + Templates.escape(id);
    JsonNode df = templates.root().at(p + "/config/data_file");
    return new ScenarioConfig(
        df.isTextual() ? df.asText() : null,
        templates.text(p + "/result_file_name"),
        templates.number(p + "/generation/temperature"),
        templates.integer(p + "/generation/max_tokens"),
        templates.integer(p + "/generation/n"));
  }

  /** The tasks a scenario's upstream config runs. */
  List<String> configuredTasks(String id) {
    return templates.texts("/scenarios/" + Templates.escape(id) + "/config/task");
  }
}
