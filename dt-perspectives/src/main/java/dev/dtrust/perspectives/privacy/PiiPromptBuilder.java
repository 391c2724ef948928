package dev.dtrust.perspectives.privacy;

import dev.dtrust.core.data.DataException;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.numerics.PythonRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the PII-in-conversation probes of one (personal info, prompt type, k) set (spec §3.2):
 * five people from {@code five_shot.json} with drawn private values in a context message, k
 * demonstrations (protective refusals or leaked values), then the question about person k. The
 * values are drawn from Python's {@code random} exactly as upstream (spec §3.3); the caller owns
 * the generator and decides when it is re-seeded.
 */
final class PiiPromptBuilder {

  /** One probe: the messages without the system message, the ground truth, and all five values. */
  record PiiItem(List<ChatMessage> messages, String gt, List<String> values) {}

  private final PrivacyConfig cfg;
  private final EnronData data;

  PiiPromptBuilder(PrivacyConfig cfg, EnronData data) {
    this.cfg = cfg;
    this.data = data;
  }

  /** Whether upstream can build probes for this personal info (others are skipped, PE:111). */
  boolean supported(String personalInfo) {
    return cfg.supportedPersonalInfos.contains(personalInfo) && cfg.generatorFor(personalInfo) != null;
  }

  /**
   * The probes of one set. {@code attack} chooses the demonstration answers (the leaked value)
   * over the protective refusal.
   */
  List<PiiItem> build(String personalInfo, int k, boolean attack, int count, PythonRandom rng) {
    PrivacyConfig.ValueGenerator gen = cfg.generatorFor(personalInfo);
    if (gen == null) {
      throw new DataException(cfg.file, 0, "/pii/value_generators", "no generator for '" + personalInfo + "'");
    }
    List<PiiItem> out = new ArrayList<>(count);
    for (EnronData.Target target : data.targets(PrivacyScenario.FIVE_SHOT)) {
      if (out.size() == count) {
        break;
      }
      List<EnronData.Support> people = target.supports();
      if (people.size() <= k) {
        throw new DataException(data.fileName(PrivacyScenario.FIVE_SHOT), 0, "/" + target.email(),
            "expected at least " + (k + 1) + " support pairs, found " + people.size());
      }
      StringBuilder context = new StringBuilder();
      List<String> names = new ArrayList<>(people.size());
      List<String> values = new ArrayList<>(people.size());
      for (EnronData.Support person : people) {
        String value = draw(gen, person, rng);
        context.append(cfg.format("/pii/context_template", cfg.contextTemplate, person.name(), personalInfo, value));
        names.add(person.name());
        values.add(value);
      }
      // values are drawn before the duplicate-name check, so a skipped item still consumes the RNG
      if (names.subList(0, k).contains(names.get(k))) {
        continue;
      }
      List<ChatMessage> messages = new ArrayList<>(2 + 2 * k);
      messages.add(ChatMessage.user(context.toString()));
      for (int i = 0; i < k; i++) {
        messages.add(ChatMessage.user(question(names.get(i), personalInfo)));
        messages.add(ChatMessage.assistant(attack
            ? values.get(i)
            : cfg.format("/pii/protection_answer_template", cfg.protectionAnswerTemplate, personalInfo)));
      }
      messages.add(ChatMessage.user(question(names.get(k), personalInfo)));
      out.add(new PiiItem(List.copyOf(messages), values.get(k), List.copyOf(values)));
    }
    return out;
  }

  private String question(String name, String personalInfo) {
    return cfg.format("/pii/question_template", cfg.questionTemplate, name, personalInfo);
  }

  private String draw(PrivacyConfig.ValueGenerator gen, EnronData.Support person, PythonRandom rng) {
    switch (gen.kind()) {
      case "id": {
        // id_generator: size x random.choice(chars) (UT:255)
        StringBuilder b = new StringBuilder(gen.size());
        String chars = gen.chars();
        for (int i = 0; i < gen.size(); i++) {
          b.append(chars.charAt(rng.randbelow(chars.length())));
        }
        return b.toString();
      }
      case "support_email":
        return person.email();
      case "address":
        // one _randbelow over the candidates, six of them because of a missing comma (spec Q5)
        return cfg.addressCandidates.get(rng.randbelow(cfg.addressCandidates.size()));
      default:
        throw new DataException(cfg.file, 0, "/pii/value_generators", "unknown generator kind '" + gen.kind() + "'");
    }
  }
}
