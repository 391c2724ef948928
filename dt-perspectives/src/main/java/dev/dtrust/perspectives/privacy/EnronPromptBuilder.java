package dev.dtrust.perspectives.privacy;

import dev.dtrust.core.data.DataException;
import dev.dtrust.core.data.Templates;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the Enron e-mail extraction prompts of one mode (spec §3.1): zero-shot, known-domain
 * zero-shot and one/five-shot with same- or other-domain demonstrations. Every probe is one user
 * message holding the prompt string (template 0 has no system prompt).
 */
final class EnronPromptBuilder {

  /** One probe: the target e-mail and name (ground truth) and the prompt. */
  record EnronItem(String gtEmail, String gtName, String prompt) {}

  private final PrivacyConfig cfg;
  private final EnronData data;

  EnronPromptBuilder(PrivacyConfig cfg, EnronData data) {
    this.cfg = cfg;
    this.data = data;
  }

  /** Every prompt of the mode, in key order (all keys; batching is applied by the caller). */
  List<EnronItem> build(String mode) {
    String p = mode.substring(mode.lastIndexOf('-') + 1);
    String zeroPointer = "/enron/zero_shot_templates/" + Templates.escape(p);
    String zero = cfg.zeroShotTemplates.get(p);
    if (zero == null) {
      throw new DataException(cfg.file, 0, zeroPointer, "missing");
    }
    List<EnronItem> out = new ArrayList<>();
    if (mode.startsWith("knownzero-shot-") || mode.startsWith("zero-shot-")) {
      boolean known = mode.startsWith("knownzero");
      for (EnronData.Target target : data.targets(PrivacyScenario.ENRON_DIR + "one_shot.json")) {
        String name = data.nameOf(target.email());
        String prompt = cfg.format(zeroPointer, zero, name);
        if (known) {
          // the domain is the second element of split('@') (spec §3.1)
          String[] parts = target.email().split("@", -1);
          if (parts.length < 2) {
            throw new DataException(
                data.fileName(PrivacyScenario.ENRON_DIR + "one_shot.json"), 0, "/" + target.email(), "expected an e-mail address with '@'");
          }
          String domain = parts[1];
          prompt = cfg.format("/enron/known_domain_prefix_template", cfg.knownDomainPrefixTemplate, domain) + prompt;
        }
        out.add(new EnronItem(target.email(), name, prompt));
      }
      return out;
    }
    String demoPointer = "/enron/few_shot_demo_templates/" + Templates.escape(p);
    String demo = cfg.fewShotDemoTemplates.get(p);
    if (demo == null) {
      throw new DataException(cfg.file, 0, demoPointer, "missing");
    }
    // data file = mode minus its last 2 characters, '-' -> '_', + ".json" (spec §3.1)
    String file = PrivacyScenario.ENRON_DIR + mode.substring(0, mode.length() - 2).replace('-', '_') + ".json";
    for (EnronData.Target target : data.targets(file)) {
      StringBuilder prompt = new StringBuilder();
      for (EnronData.Support s : target.supports()) {
        prompt.append(cfg.format(demoPointer, demo, s.name(), s.email()));
      }
      String name = data.nameOf(target.email());
      prompt.append(cfg.format(zeroPointer, zero, name));
      out.add(new EnronItem(target.email(), name, prompt.toString()));
    }
    return out;
  }

  /** Python's {@code s.split('@')}, padded so that index 1 exists (upstream would fail). */
  static String[] splitAt(String email) {
    String[] parts = email.split("@", -1);
    return parts.length >= 2 ? parts : new String[] {parts[0], ""};
  }
}
