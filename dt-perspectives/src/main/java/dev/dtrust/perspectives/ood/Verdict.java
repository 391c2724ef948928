package dev.dtrust.perspectives.ood;

/** How one reply is counted (spec ood.md §4). */
public enum Verdict {
  /** Counted in {@code acc}. */
  CORRECT,
  /** Neither correct nor refused. */
  WRONG,
  /** Counted in {@code rr}. */
  REFUSED,
  /** Style only: the reply names both labels, so it is neither correct nor refused (quirk 6). */
  BOTH_LABELS
}
