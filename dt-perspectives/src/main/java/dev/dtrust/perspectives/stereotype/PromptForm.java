package dev.dtrust.perspectives.stereotype;

/** Which user message to send (spec stereotype §3, DESIGN.md §8). */
public enum PromptForm {
  /** {@code text}: what produced the recorded generations and the published numbers (default). */
  RECORDED,
  /** Upstream HEAD: task description, LF, text — the task description appears twice. */
  UPSTREAM_HEAD;

  /** The key of this form in {@code templates.user_message_forms}. */
  String templateKey() {
    return this == RECORDED ? "recorded" : "upstream_current";
  }
}
