package dev.dtrust.perspectives.ood;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.core.data.DataException;
import dev.dtrust.core.data.DataRoot;
import dev.dtrust.core.data.Templates;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The two OOD input files (spec ood.md §1), read once and checked field by field: a missing or
 * mistyped field is a {@link DataException} naming the file and the JSON pointer.
 */
final class OodData {
  static final String STYLE_FILE = "ood/style.json";
  static final String KNOWLEDGE_FILE = "ood/knowledge.json";

  /** A sentiment record: the sentence verbatim and its label index (0 negative, 1 positive). */
  record StyleRecord(String sentence, int label) {}

  /**
   * A multiple-choice record.
   *
   * @param questionDate {@code null} for MMLU demonstrations, which have none
   * @param answer       the gold digit string (element 0 of a list, or the plain string)
   */
  record KnowledgeRecord(
      @Nullable String questionDate, String questionSentence, List<String> choices, String answer) {}

  private final DataRoot root;
  private @Nullable JsonNode style;
  private @Nullable JsonNode knowledge;

  OodData(DataRoot root) {
    this.root = root;
  }

  /** {@code style.json → dev[category]}. */
  List<StyleRecord> styleTest(String category) {
    return styleRecords("/dev/" + Templates.escape(category));
  }

  /** {@code style.json → train_demo[category]}. */
  List<StyleRecord> styleDemo(String category) {
    return styleRecords("/train_demo/" + Templates.escape(category));
  }

  /** {@code knowledge.json → test[category]}. */
  List<KnowledgeRecord> knowledgeTest(String category) {
    return knowledgeRecords("/test/" + Templates.escape(category), true);
  }

  /** {@code knowledge.json → demo[category]}; MMLU demonstrations have no date. */
  List<KnowledgeRecord> knowledgeDemo(String category) {
    return knowledgeRecords("/demo/" + Templates.escape(category), category.contains("2021_qa"));
  }

  private synchronized JsonNode style() {
    if (style == null) {
      style = root.json(STYLE_FILE);
    }
    return style;
  }

  private synchronized JsonNode knowledge() {
    if (knowledge == null) {
      knowledge = root.json(KNOWLEDGE_FILE);
    }
    return knowledge;
  }

  private List<StyleRecord> styleRecords(String pointer) {
    String file = root.name(STYLE_FILE);
    JsonNode list = array(style(), pointer, file);
    List<StyleRecord> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      String at = pointer + "/" + i;
      JsonNode rec = list.get(i);
      String sentence = text(rec, "sentence", at, file);
      String label = text(rec, "label", at, file);
      int idx;
      if (label.equals("0")) {
        idx = 0;
      } else if (label.equals("1")) {
        idx = 1;
      } else {
        throw new DataException(file, 0, at + "/label", "expected \"0\" or \"1\", found \"" + label + "\"");
      }
      out.add(new StyleRecord(sentence, idx));
    }
    return out;
  }

  private List<KnowledgeRecord> knowledgeRecords(String pointer, boolean needsDate) {
    String file = root.name(KNOWLEDGE_FILE);
    JsonNode list = array(knowledge(), pointer, file);
    List<KnowledgeRecord> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      String at = pointer + "/" + i;
      JsonNode rec = list.get(i);
      String date = needsDate ? text(rec, "question_date", at, file) : null;
      String question = text(rec, "question_sentence", at, file);
      JsonNode choicesNode = rec.get("choices");
      if (choicesNode == null || !choicesNode.isArray() || choicesNode.size() != 4) {
        throw new DataException(file, 0, at + "/choices", "expected a list of 4 strings, found " + choicesNode);
      }
      List<String> choices = new ArrayList<>(4);
      for (int c = 0; c < 4; c++) {
        if (!choicesNode.get(c).isTextual()) {
          throw new DataException(file, 0, at + "/choices/" + c, "expected a string, found " + choicesNode.get(c));
        }
        choices.add(choicesNode.get(c).asText());
      }
      // spec §1: answer is ["k"] (test, 2021_qa demos) or "k" (MMLU demos); use element 0 / the string
      JsonNode ans = rec.get("answer");
      JsonNode a = ans != null && ans.isArray() && ans.size() > 0 ? ans.get(0) : ans;
      if (a == null || !a.isTextual() || !List.of("0", "1", "2", "3").contains(a.asText())) {
        throw new DataException(file, 0, at + "/answer", "expected \"0\".. \"3\" or [\"0\"].. [\"3\"], found " + ans);
      }
      out.add(new KnowledgeRecord(date, question, List.copyOf(choices), a.asText()));
    }
    return out;
  }

  private static JsonNode array(JsonNode doc, String pointer, String file) {
    JsonNode n = doc.at(pointer);
    if (n.isMissingNode() || n.isNull()) {
      throw new DataException(file, 0, pointer, "missing");
    }
    if (!n.isArray()) {
      throw new DataException(file, 0, pointer, "expected a list of records, found " + n.getNodeType());
    }
    return n;
  }

  private static String text(JsonNode rec, String field, String at, String file) {
    JsonNode v = rec == null ? null : rec.get(field);
    if (v == null || v.isNull()) {
      throw new DataException(file, 0, at + "/" + field, "missing");
    }
    if (!v.isTextual()) {
      throw new DataException(file, 0, at + "/" + field, "expected a string, found " + v.getNodeType());
    }
    return v.asText();
  }
}
