package dev.dtrust.perspectives.ood;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.core.data.DataException;
import dev.dtrust.core.data.Templates;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.perspectives.ood.OodData.KnowledgeRecord;
import dev.dtrust.perspectives.ood.OodData.StyleRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds OOD prompts from the data files and {@code templates/ood.json} (spec ood.md §3): the task
 * instruction, the probe input, the fixed demonstrations, and the zero-shot or few-shot message
 * layout. Every text comes from the templates; this class only fills placeholders.
 */
final class OodPromptBuilder {
  private final Templates t;
  private final PromptForm form;
  private final List<String> labels;
  private final Map<String, List<String[]>> layouts = new HashMap<>();
  private final Map<String, String> texts = new HashMap<>();
  private @org.jspecify.annotations.Nullable Number[] generation;

  OodPromptBuilder(Templates templates, PromptForm form) {
    this.t = templates;
    this.form = form;
    this.labels = templates.texts("/style_format/labels");
    if (labels.size() != 2) {
      throw new DataException(templates.file(), 0, "/style_format/labels", "expected 2 labels, found " + labels.size());
    }
  }

  /** A template text, read once (templates are immutable). */
  private String text(String pointer) {
    return texts.computeIfAbsent(pointer, t::text);
  }

  /** The task instruction of a scenario (EO:26-37). */
  String taskMessage(OodScenario s) {
    if (s.task() == OodScenario.Task.KNOWLEDGE) {
      return text(s.idk() ? "/task_messages/knowledge_idk" : "/task_messages/knowledge_standard");
    }
    // spec §7 quirk 1: HEAD's "taddext" typo is an option; the recordings used "text"
    return text(form == PromptForm.UPSTREAM_HEAD ? "/task_messages/style_head" : "/task_messages/style_legacy");
  }

  /** The request of one probe: templates' generation parameters, one sample, no seed. */
  ChatRequest request(List<ChatMessage> messages) {
    if (generation == null) {
      generation = new Number[] {t.number("/generation/temperature"), t.integer("/generation/max_tokens"),
          t.integer("/generation/n")};
    }
    return new ChatRequest(messages, generation[0].doubleValue(), generation[1].intValue(), null,
        generation[2].intValue(), null, null);
  }

  /** Every probe of a scenario, in data order. */
  List<OodPrompt> prompts(OodScenario s, OodData data) {
    String task = taskMessage(s);
    List<String[]> demos = demonstrations(s, data);
    // the demonstrations are the same for every probe of a scenario: render them once
    List<ChatMessage> demoBlock = demoMessages(demos);
    List<OodPrompt> out = new ArrayList<>();
    if (s.task() == OodScenario.Task.STYLE) {
      List<StyleRecord> recs = data.styleTest(s.testCategory());
      for (int i = 0; i < recs.size(); i++) {
        StyleRecord r = recs.get(i);
        out.add(new OodPrompt(i, messages(task, r.sentence(), demos.isEmpty(), demoBlock), labels.get(r.label()), null));
      }
    } else {
      List<KnowledgeRecord> recs = data.knowledgeTest(s.testCategory());
      for (int i = 0; i < recs.size(); i++) {
        KnowledgeRecord r = recs.get(i);
        String input = knowledgeTestInput(r, s.idk());
        int gold = Integer.parseInt(r.answer());
        out.add(new OodPrompt(i, messages(task, input, demos.isEmpty(), demoBlock), r.answer(), r.choices().get(gold)));
      }
    }
    return out;
  }

  /** The demonstrations as (input, answer) pairs: the first few_shot_num records (EO:40-61). */
  List<String[]> demonstrations(OodScenario s, OodData data) {
    if (s.fewShotNum() == 0) {
      return List.of();
    }
    List<String[]> out = new ArrayList<>();
    if (s.task() == OodScenario.Task.STYLE) {
      List<StyleRecord> recs = firstN(data.styleDemo(s.demoCategory()), s);
      for (StyleRecord r : recs) {
        out.add(new String[] {r.sentence(), labels.get(r.label())});
      }
    } else {
      // spec §7 quirk 10: only the 2021_qa demonstrations carry "Today is …"
      boolean dated = s.demoCategory().contains("2021_qa");
      for (KnowledgeRecord r : firstN(data.knowledgeDemo(s.demoCategory()), s)) {
        Map<String, String> v = choiceVars(r);
        v.put("question_sentence", r.questionSentence());
        v.put("date_prefix", dated ? render(text("/knowledge_format/demo_date_prefix/text"),
            Map.of("question_date", r.questionDate())) : "");
        out.add(new String[] {render(text("/knowledge_format/demo_input"), v), r.answer()});
      }
    }
    return out;
  }

  private static <T> List<T> firstN(List<T> recs, OodScenario s) {
    if (recs.size() < s.fewShotNum()) {
      throw new DataException(s.dataFile(), 0, s.demoCategory(),
          "expected at least " + s.fewShotNum() + " demonstrations, found " + recs.size());
    }
    return recs.subList(0, s.fewShotNum());
  }

  /** A knowledge test input; note the "\n " after the question (spec §3). */
  String knowledgeTestInput(KnowledgeRecord r, boolean idk) {
    Map<String, String> v = choiceVars(r);
    String block = render(text(idk ? "/knowledge_format/test_choices_block_idk"
        : "/knowledge_format/test_choices_block_standard"), v);
    Map<String, String> w = new HashMap<>();
    w.put("question_date", r.questionDate());
    w.put("question_sentence", r.questionSentence());
    w.put("choices_block", block);
    return render(text("/knowledge_format/test_input"), w);
  }

  private static Map<String, String> choiceVars(KnowledgeRecord r) {
    Map<String, String> v = new HashMap<>();
    for (int c = 0; c < 4; c++) {
      v.put("c" + c, r.choices().get(c));
    }
    return v;
  }

  /** The message list (CH:84-105 with example_prefix=False: no name fields). */
  List<ChatMessage> messages(String taskMessage, String input, List<String[]> demos) {
    return messages(taskMessage, input, demos.isEmpty(), demoMessages(demos));
  }

  private List<ChatMessage> messages(String taskMessage, String input, boolean zeroShot, List<ChatMessage> demoBlock) {
    List<ChatMessage> out = new ArrayList<>();
    Map<String, String> v = new HashMap<>();
    v.put("task_message", taskMessage);
    v.put("input", input);
    if (zeroShot) {
      addAll(out, "/messages/zero_shot", v);
      return out;
    }
    addAll(out, "/messages/few_shot/head", v);
    out.addAll(demoBlock);
    addAll(out, "/messages/few_shot/tail", v);
    return out;
  }

  /** The few-shot demonstration turns (ChatMessage is immutable, so probes share them). */
  private List<ChatMessage> demoMessages(List<String[]> demos) {
    List<ChatMessage> out = new ArrayList<>();
    for (String[] d : demos) {
      Map<String, String> dv = new HashMap<>();
      dv.put("demo_input", d[0]);
      dv.put("demo_answer_capitalized", capitalize(d[1]));
      addAll(out, "/messages/few_shot/per_demo", dv);
    }
    return out;
  }

  private void addAll(List<ChatMessage> out, String pointer, Map<String, String> vars) {
    for (String[] m : layouts.computeIfAbsent(pointer, this::layout)) {
      out.add(new ChatMessage(m[0], render(m[1], vars), m[2]));
    }
  }

  /** A message layout of the templates as (role, content, name) triples. */
  private List<String[]> layout(String pointer) {
    JsonNode list = t.node(pointer);
    if (!list.isArray()) {
      throw new DataException(t.file(), 0, pointer, "expected a list of messages");
    }
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = pointer + "/" + i;
      JsonNode name = list.get(i).get("name");
      out.add(new String[] {t.text(at + "/role"), t.text(at + "/content"),
          name == null || name.isNull() ? null : name.asText()});
    }
    return out;
  }

  /** Python {@code str.capitalize}: first character title-cased, the rest lower-cased. */
  static String capitalize(String s) {
    if (s.isEmpty()) {
      return s;
    }
    int first = s.codePointAt(0);
    int len = Character.charCount(first);
    return new StringBuilder().appendCodePoint(Character.toTitleCase(first))
        .append(s.substring(len).toLowerCase(Locale.ROOT)).toString();
  }

  /**
   * Fills {@code {name}} placeholders in one pass: substituted values are never re-scanned, and a
   * brace that does not name a known placeholder stays literal.
   */
  static String render(String template, Map<String, String> vars) {
    StringBuilder b = new StringBuilder(template.length() + 64);
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '{') {
        int end = template.indexOf('}', i + 1);
        if (end > 0) {
          String name = template.substring(i + 1, end);
          String value = vars.get(name);
          if (value != null) {
            b.append(value);
            i = end + 1;
            continue;
          }
        }
      }
      b.append(c);
      i++;
    }
    return b.toString();
  }
}
