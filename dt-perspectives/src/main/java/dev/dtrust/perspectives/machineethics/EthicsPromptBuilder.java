package dev.dtrust.perspectives.machineethics;

import dev.dtrust.core.data.DataException;
import dev.dtrust.core.data.Templates;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.numerics.PythonRandom;
import dev.dtrust.core.python.PythonStrings;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds the probes of one scenario exactly as upstream's {@code load_data} and {@code
 * Chat.do_classification(example_prefix=False)} do (spec §3-4). Every text comes from {@code
 * templates/machine_ethics.json}.
 */
final class EthicsPromptBuilder {

  /** A demonstration: the user turn and the label word the assistant turn capitalises. */
  record Demo(String input, String label) {}

  /**
   * One kept test item.
   *
   * @param index    the test item's position in the data name's test list (before filters)
   * @param input    the user input (template filled)
   * @param label    upstream's label word (written to label_*.json); util: the numpy draw
   * @param demos    the demonstrations, in order
   * @param messages the message list sent
   */
  record Built(int index, String input, @Nullable String label, List<Demo> demos, List<ChatMessage> messages) {}

  private final Templates t;

  EthicsPromptBuilder(Templates templates) {
    this.t = templates;
  }

  /**
   * The probes of a scenario, in upstream order. With {@code legacy}, commonsense_short jailbreak
   * and evasive runs use the 2023 prompts that produced the shipped recordings (spec §9).
   */
  List<Built> build(EthicsScenario s, EthicsData data, boolean legacy) {
    if (legacy && isLegacyRun(s)) {
      return buildLegacy(s, data);
    }
    return build(s, data);
  }

  /** Whether a run has a 2023 form: commonsense_short under a jailbreak or evasive sentence. */
  static boolean isLegacyRun(EthicsScenario s) {
    return s.dataName().equals(EthicsData.COMMONSENSE_SHORT) && (s.jailbreak() != 0 || s.evasive() != 0);
  }

  private List<Built> buildLegacy(EthicsScenario s, EthicsData data) {
    LegacyPrompts legacy = new LegacyPrompts(t);
    List<EthicsData.Item> rows = data.test(s.dataName());
    String label = t.texts("/label_words/" + s.dataName()).get(1);
    List<Built> out = new ArrayList<>();
    for (int i : LegacyPrompts.order(rows, t.integer("/rng/numpy_seed"), s.testNum())) {
      String input = legacy.input(rows.get(i).input1(), s.evasive());
      out.add(new Built(i, input, label, List.of(), legacy.messages(s.jailbreak(), s.evasive(), input)));
    }
    return out;
  }

  /** The probes of a scenario, in upstream order. */
  List<Built> build(EthicsScenario s, EthicsData data) {
    String name = s.dataName();
    String family = EthicsData.family(name);
    boolean jiminy = family.equals("jiminy");
    String taskMessage = t.text("/task_message/" + name);
    if (s.jailbreak() != 0) {
      // spec Q1: the jailbreak prompt is appended with no separator
      taskMessage += t.text((jiminy ? "/jiminy_jailbreak_prompt/" : "/jailbreak_prompt/") + s.jailbreak());
    }
    String evasive =
        s.evasive() == 0 ? "" : t.text((jiminy ? "/jiminy_evasive_sentence/" : "/evasive_sentence/") + s.evasive());
    List<String> words = family.equals("util") ? List.of() : t.texts("/label_words/" + name);
    String inputTemplate = t.text("/input_templates/" + (family.equals("conditional") ? "jiminy_conditional" : name));
    String demoTemplate = family.equals("conditional") ? null : t.text("/demo_templates/" + name);
    String sep = t.text("/virtue_separator");

    List<EthicsData.Item> test = data.test(name);
    List<EthicsData.Item> train = s.fewShot() > 0 ? data.train(name) : List.of();
    PythonRandom random = new PythonRandom(t.integer("/rng/python_random_seed"));
    UtilLabels utilLabels = family.equals("util") ? new UtilLabels(t.integer("/rng/numpy_seed")) : null;
    boolean filtered = s.jailbreak() != 0 || s.evasive() != 0;

    List<String> demoSentences = family.equals("util") && s.fewShot() > 0 ? t.texts("/util_fixed_demos/sentences") : List.of();
    List<String> demoLabels = family.equals("util") && s.fewShot() > 0 ? t.texts("/util_fixed_demos/labels") : List.of();
    List<Built> out = new ArrayList<>();
    int size = family.equals("util") ? 2 * test.size() : test.size();
    for (int i = 0; i < size; i++) {
      String label;
      String sentence;
      Map<String, String> slots;
      List<Demo> demos = new ArrayList<>();
      switch (family) {
        case "util" -> {
          EthicsData.Item row = test.get(i / 2);
          label = utilLabels.next(i % 2 == 0);
          sentence = (i % 2 == 0 ? row.input1() : row.input2()) + evasive;
          slots = Map.of("sentence", sentence);
          for (int k = 0; k < s.fewShot(); k++) {
            if (k >= demoSentences.size() || k >= demoLabels.size()) {
              throw new DataException(t.file(), 0, "/util_fixed_demos", "few_shot_num " + s.fewShot() + " exceeds the fixed demos");
            }
            demos.add(new Demo(fill(demoTemplate, Map.of("sentence", demoSentences.get(k))), demoLabels.get(k)));
          }
        }
        case "jiminy" -> {
          EthicsData.Item row = test.get(i);
          label = jiminyLabel(row.label(), words);
          if (filtered && !label.equals(words.get(1))) {
            continue; // spec §3: jailbreak/evasive keep only "bad" items (no RNG use)
          }
          sentence = row.input1() + evasive;
          slots = Map.of("sentence", sentence);
          if (s.fewShot() > 0) {
            for (int idx : sample(random, train.size(), s.fewShot(), name)) {
              EthicsData.Item d = train.get(idx);
              demos.add(new Demo(fill(demoTemplate, Map.of("sentence", d.input1())), jiminyLabel(d.label(), words)));
            }
          }
        }
        case "conditional" -> {
          EthicsData.Item row = test.get(i);
          String morality = row.input2();
          if (morality.length() > 15) {
            morality = morality.split("\n", -1)[0]; // multi-label row: first label only
          }
          String[] parts = morality.split(",", -1);
          if (parts.length != 3) {
            throw new DataException(
                EthicsData.testFile(name), row.line(), "Morality",
                "expected \"morality, focal, degree\", found \"" + row.input2() + "\"");
          }
          String focal = pyStrip(parts[1]);
          String degree = pyStrip(parts[2]);
          label = pyStrip(parts[0]).equals("good") ? words.get(0) : words.get(1);
          sentence = row.input1() + evasive;
          slots = Map.of("sentence", sentence);
          // the harm filters run after building, before counting (spec §3)
          if ((name.endsWith("harm_self") && !focal.equals("self"))
              || (name.endsWith("harm_others") && !focal.equals("others"))
              || (name.endsWith("minor_harm") && !degree.equals("1"))
              || (name.endsWith("moderate_harm") && !degree.equals("2"))) {
            continue;
          }
        }
        default -> {
          EthicsData.Item row = test.get(i);
          label = words.get(((Integer) row.label()) == 0 ? 0 : 1);
          if (family.equals("commonsense") && filtered && label.equals(words.get(0))) {
            continue; // spec §3: jailbreak/evasive keep only immoral items (no RNG use)
          }
          if (family.equals("virtue")) {
            String[] st = splitSep(row.input1(), sep, row);
            sentence = st[0] + evasive;
            slots = Map.of("sentence", sentence, "trait", st[1]);
          } else if (family.equals("deontology")) {
            sentence = row.input1() + evasive; // evasive lands before the excuse
            slots = Map.of("sentence", sentence, "excuse", row.input2());
          } else {
            sentence = row.input1() + evasive; // spec Q1: no separator
            slots = Map.of("sentence", sentence);
          }
          if (s.fewShot() > 0) {
            for (int idx : sample(random, train.size(), s.fewShot(), name)) {
              EthicsData.Item d = train.get(idx);
              String dl = words.get(((Integer) d.label()) == 0 ? 0 : 1);
              Map<String, String> ds;
              if (family.equals("virtue")) {
                String[] st = splitSep(d.input1(), sep, d);
                ds = Map.of("sentence", st[0], "trait", st[1]);
              } else if (family.equals("deontology")) {
                ds = Map.of("sentence", d.input1(), "excuse", d.input2());
              } else {
                ds = Map.of("sentence", d.input1()); // spec Q3: long uses the short demo template
              }
              demos.add(new Demo(fill(demoTemplate, ds), dl));
            }
          }
        }
      }
      String input = fill(inputTemplate, slots);
      out.add(new Built(i, input, label, List.copyOf(demos), messages(taskMessage, input, demos)));
      if (s.testNum() != 0 && out.size() == s.testNum()) {
        break;
      }
    }
    return out;
  }

  /** Chat.do_classification's layout (spec §4, chat_wrapping in the templates). */
  List<ChatMessage> messages(String taskMessage, String input, List<Demo> demos) {
    Map<String, String> slots = Map.of("task_message", taskMessage, "input", input);
    if (demos.isEmpty()) {
      return List.of(
          new ChatMessage(t.text("/chat_wrapping/zero_shot/0/role"), fill(t.text("/chat_wrapping/zero_shot/0/content"), slots), null),
          new ChatMessage(t.text("/chat_wrapping/zero_shot/1/role"), fill(t.text("/chat_wrapping/zero_shot/1/content"), slots), null));
    }
    String fs = "/chat_wrapping/few_shot/";
    int last = t.node("/chat_wrapping/few_shot").size() - 1;
    List<ChatMessage> m = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      m.add(new ChatMessage(t.text(fs + k + "/role"), fill(t.text(fs + k + "/content"), slots), null));
    }
    for (Demo d : demos) {
      m.add(ChatMessage.user(d.input()));
      m.add(ChatMessage.assistant(capitalize(d.label())));
    }
    m.add(new ChatMessage(t.text(fs + last + "/role"), fill(t.text(fs + last + "/content"), slots), null));
    return List.copyOf(m);
  }

  private static List<Integer> sample(PythonRandom random, int population, int k, String name) {
    List<Integer> range =
        new AbstractList<>() {
          @Override
          public Integer get(int index) {
            return index;
          }

          @Override
          public int size() {
            return population;
          }
        };
    if (k > population) {
      // upstream: ValueError('Sample larger than population or is negative')
      throw new DataException(
          String.valueOf(EthicsData.trainFile(name)), 0, null,
          "few_shot_num " + k + " is larger than the " + population + " demonstrations");
    }
    return random.sample(range, k);
  }

  private String jiminyLabel(@Nullable Object label, List<String> words) {
    if (label == null) {
      return words.get(2);
    }
    @SuppressWarnings("unchecked")
    List<Integer> l = (List<Integer>) label;
    return l.get(0) + l.get(1) > 0 ? words.get(1) : words.get(0);
  }

  private static String[] splitSep(String s, String sep, EthicsData.Item row) {
    int at = s.indexOf(sep);
    if (at < 0) {
      throw new DataException(
          EthicsData.testFile(EthicsData.VIRTUE), row.line(), "scenario", "expected \"sentence" + sep + "trait\"");
    }
    int end = s.indexOf(sep, at + sep.length());
    return new String[] {s.substring(0, at), s.substring(at + sep.length(), end < 0 ? s.length() : end)};
  }

  /** Literal one-pass substitution of {@code {name}} slots (no other escaping). */
  static String fill(String template, Map<String, String> slots) {
    StringBuilder b = new StringBuilder(template.length() + 64);
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '{') {
        int close = template.indexOf('}', i + 1);
        if (close > 0) {
          String v = slots.get(template.substring(i + 1, close));
          if (v != null) {
            b.append(v);
            i = close + 1;
            continue;
          }
        }
      }
      b.append(c);
      i++;
    }
    return b.toString();
  }

  /** Python {@code str.capitalize()}: first character title-cased, the rest lower-cased. */
  static String capitalize(String s) {
    if (s.isEmpty()) {
      return s;
    }
    int first = s.codePointAt(0);
    int n = Character.charCount(first);
    return new String(Character.toChars(Character.toTitleCase(first))) + PythonStrings.lower(s.substring(n));
  }

  /** Python {@code str.strip()} with no argument. */
  static String pyStrip(String s) {
    return AnswerParser.strip(s);
  }
}
