package dev.dtrust.perspectives.ood;

/** Which style instruction to send (spec ood.md §3, quirk 1; DESIGN.md §8). */
public enum PromptForm {
  /** "…label the sentiment of the text…", the wording that produced the recordings (default). */
  RECORDED,
  /** Upstream HEAD's wording with its "taddext" typo. */
  UPSTREAM_HEAD
}
