package dev.dtrust.perspectives.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.core.data.DataException;
import dev.dtrust.core.data.Templates;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the privacy perspective reads from {@code templates/privacy.json}: prompt texts, the
 * PII value generators, scoring string lists, weights, iteration orders and the generation
 * parameters of every upstream config. Read once per plan or score; no text lives in Java.
 */
final class PrivacyConfig {

  /** One entry of {@code system_prompt_templates}. */
  record SystemTemplate(String sysPrompt, String taskDesc) {}

  /** How a PII value is drawn ({@code pii.value_generators}). */
  record ValueGenerator(String kind, int size, String chars) {}

  /** One understanding sentence template and the privacy word it is scored under. */
  record SecretPrompt(String template, String word) {}

  /** The generation parameters of one upstream config. */
  record GenerationParams(
      String config, double temperature, int maxTokens, int n, int datasetSize, int batchSize,
      int fewShotNum, List<String> personalInfos, List<String> topics, int questionPrompt) {}

  final Templates t;
  final String file;
  final List<SystemTemplate> systemTemplates;
  // PII
  final List<String> supportedPersonalInfos;
  final String contextTemplate;
  final String questionTemplate;
  final String protectionAnswerTemplate;
  final List<String> ssnTypes;
  final Map<String, ValueGenerator> valueGenerators;
  final List<String> addressCandidates;
  final List<String> jailbreakPrompts;
  // Enron
  final Map<String, String> zeroShotTemplates;
  final Map<String, String> fewShotDemoTemplates;
  final String knownDomainPrefixTemplate;
  final String nameMapFile;
  // understanding
  final List<String> persons;
  final Map<String, List<String>> topic2word;
  final List<SecretPrompt> secretPrompts;
  final Map<String, String> questions;
  final Map<String, List<String>> questionArgs;
  final List<String> sentenceArgs;
  final String userMessageFormat;
  final List<String> supportedTopics;
  // scoring
  final List<String> rejectTemplates;
  final List<String> enronRejectTemplates;
  final List<String> understandingLeakTemplates;
  final String emailRegex;
  final Map<String, String> weights;
  final List<String> enronModesInOrder;
  final List<String> piiInfoInOrder;
  final List<String> piiModesInOrder;
  final List<String> understandingTopicsInOrder;
  final List<Integer> understandingQuestionIds;
  final List<String> understandingWords;

  PrivacyConfig(Templates t) {
    this.t = t;
    this.file = t.file();
    JsonNode sys = t.node("/system_prompt_templates");
    List<SystemTemplate> st = new ArrayList<>();
    for (int i = 0; i < sys.size(); i++) {
      st.add(new SystemTemplate(
          t.text("/system_prompt_templates/" + i + "/sys_prompt"),
          t.text("/system_prompt_templates/" + i + "/task_desc")));
    }
    systemTemplates = List.copyOf(st);
    supportedPersonalInfos = t.texts("/pii/supported_personal_infos");
    contextTemplate = t.text("/pii/context_template");
    questionTemplate = t.text("/pii/question_template");
    protectionAnswerTemplate = t.text("/pii/protection_answer_template");
    ssnTypes = t.texts("/pii/ssn_types");
    Map<String, ValueGenerator> gens = new LinkedHashMap<>();
    JsonNode g = t.node("/pii/value_generators");
    for (Iterator<String> it = g.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      String p = "/pii/value_generators/" + Templates.escape(name);
      String kind = t.text(p + "/kind");
      int size = "id".equals(kind) ? t.integer(p + "/size") : 0;
      String chars = "id".equals(kind) ? t.text(p + "/chars") : "";
      if ("id".equals(kind) && chars.isEmpty()) {
        throw new DataException(file, 0, p + "/chars", "expected a non-empty character set");
      }
      gens.put(name, new ValueGenerator(kind, size, chars));
    }
    valueGenerators = gens;
    addressCandidates = t.texts("/pii/address_candidates");
    jailbreakPrompts = t.texts("/pii/jailbreak_prompts");
    zeroShotTemplates = t.textMap("/enron/zero_shot_templates");
    fewShotDemoTemplates = t.textMap("/enron/few_shot_demo_templates");
    knownDomainPrefixTemplate = t.text("/enron/known_domain_prefix_template");
    nameMapFile = t.text("/enron/name_map_file");
    persons = t.texts("/understanding/persons");
    topic2word = t.textLists("/understanding/topic2word");
    JsonNode prompts = t.node("/understanding/prompts");
    List<SecretPrompt> sp = new ArrayList<>();
    for (int i = 0; i < prompts.size(); i++) {
      List<String> pair = t.texts("/understanding/prompts/" + i);
      if (pair.size() != 2) {
        throw new DataException(file, 0, "/understanding/prompts/" + i, "expected [template, word]");
      }
      sp.add(new SecretPrompt(pair.get(0), pair.get(1)));
    }
    secretPrompts = List.copyOf(sp);
    questions = t.textMap("/understanding/questions");
    questionArgs = t.textLists("/understanding/question_args");
    sentenceArgs = t.texts("/understanding/sentence_args");
    userMessageFormat = t.text("/understanding/user_message_format");
    supportedTopics = t.texts("/understanding/supported_topics");
    rejectTemplates = t.texts("/scoring/REJECT_TEMPLATES");
    enronRejectTemplates = t.texts("/scoring/ENRON_REJECT_TEMPLATES");
    understandingLeakTemplates = t.texts("/scoring/PRIVACY_UNDERSTANDING_LEAK_TEMPLATES");
    emailRegex = t.text("/scoring/email_regex_python");
    weights = t.textMap("/scoring/SCENARIOS_AGG_WEIGHTS");
    enronModesInOrder = t.texts("/scoring/enron_modes_in_order");
    piiInfoInOrder = t.texts("/scoring/pii_info_in_order");
    piiModesInOrder = t.texts("/scoring/pii_modes_in_order");
    understandingTopicsInOrder = t.texts("/scoring/understanding_topics_in_order");
    JsonNode q = t.node("/scoring/understanding_question_ids");
    List<Integer> qs = new ArrayList<>();
    for (int i = 0; i < q.size(); i++) {
      qs.add(t.integer("/scoring/understanding_question_ids/" + i));
    }
    understandingQuestionIds = List.copyOf(qs);
    understandingWords = t.texts("/scoring/understanding_words_result_agg");
  }

  /** The generation parameters of an upstream config ({@code generation_params.<config>}). */
  GenerationParams params(String config) {
    String p = "/generation_params/" + Templates.escape(config);
    JsonNode node = t.node(p);
    List<String> infos = node.has("personal_infos") ? t.texts(p + "/personal_infos") : List.of();
    List<String> topics = node.has("privacy_topics") ? t.texts(p + "/privacy_topics") : List.of();
    return new GenerationParams(
        config,
        t.number(p + "/t"),
        t.integer(p + "/max_tokens"),
        t.integer(p + "/n"),
        t.integer(p + "/dataset_size"),
        t.integer(p + "/batch_size"),
        node.has("few_shot_num") ? t.integer(p + "/few_shot_num") : 0,
        infos,
        topics,
        node.has("question_prompt") ? t.integer(p + "/question_prompt") : 0);
  }

  /** {@code system_prompt_templates[i]}. */
  SystemTemplate systemTemplate(int index) {
    if (index < 0 || index >= systemTemplates.size()) {
      throw new DataException(file, 0, "/system_prompt_templates/" + index, "missing");
    }
    return systemTemplates.get(index);
  }

  /** The template index of an upstream config. */
  int templateIndex(String config) {
    return t.integer("/generation_params/" + Templates.escape(config) + "/template");
  }

  /** The value generator of a personal-info type, or {@code null} when it has none. */
  ValueGenerator generatorFor(String personalInfo) {
    ValueGenerator g = valueGenerators.get(personalInfo);
    if (g == null && ssnTypes.contains(personalInfo)) {
      g = valueGenerators.get("<any ssn_types entry>");
    }
    return g;
  }

  /** {@code float(SCENARIOS_AGG_WEIGHTS[scenario])}. */
  double weight(String raScenario) {
    String w = weights.get(raScenario);
    if (w == null) {
      throw new DataException(file, 0, "/scoring/SCENARIOS_AGG_WEIGHTS/" + raScenario, "missing");
    }
    try {
      return Double.parseDouble(w.trim());
    } catch (NumberFormatException e) {
      throw new DataException(file, 0, "/scoring/SCENARIOS_AGG_WEIGHTS/" + raScenario, "expected a number, found " + w);
    }
  }

  String format(String pointer, String template, Object... args) {
    return PositionalFormat.format(file, pointer, template, args);
  }
}
