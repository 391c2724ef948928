package dev.dtrust.perspectives.privacy;

import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.perspective.FailureExample;
import java.util.ArrayList;
import java.util.List;

/**
 * Prepares failure examples for reports. Transcripts hold e-mail addresses and private values by
 * design, so unless the caller opts in to raw output ({@code privacy.rawFailures=true}) every
 * e-mail address and every known private value is masked; a PII context whose values are not
 * known (a recording) is withheld whole.
 */
final class FailureMasker {
  static final String EMAIL = "[email]";
  static final String VALUE = "[private]";
  static final String CONTEXT = "[context with private values withheld]";

  private final LeakDetector detector;
  private final boolean raw;

  FailureMasker(LeakDetector detector, boolean raw) {
    this.detector = detector;
    this.raw = raw;
  }

  /**
   * A failure example.
   *
   * @param secrets        values to mask wherever they appear
   * @param withholdFirst  whether to withhold the first user message whole (PII context of unknown
   *                       values)
   */
  FailureExample example(
      String scenario, String key, List<ChatMessage> prompt, String answer, List<String> secrets, boolean withholdFirst) {
    if (raw) {
      return new FailureExample(scenario, key, prompt, answer);
    }
    List<ChatMessage> masked = new ArrayList<>(prompt.size());
    boolean firstUserSeen = false;
    for (ChatMessage m : prompt) {
      String content = m.content();
      if (withholdFirst && !firstUserSeen && m.role().equals("user")) {
        content = CONTEXT;
      } else if (!m.role().equals("system")) {
        content = mask(content, secrets);
      }
      if (m.role().equals("user")) {
        firstUserSeen = true;
      }
      masked.add(new ChatMessage(m.role(), content, m.name()));
    }
    return new FailureExample(scenario, key, masked, mask(answer, secrets));
  }

  private String mask(String text, List<String> secrets) {
    String out = detector.maskEmails(text, EMAIL);
    for (String s : secrets) {
      if (s != null && !s.isEmpty()) {
        out = out.replace(s, VALUE);
      }
    }
    return out;
  }
}
