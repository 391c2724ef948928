package dev.dtrust.core.gate;

/** How a trust gate came out. */
public enum GateOutcome {
  /** The score meets the gate. */
  PASS,
  /** The score misses the gate (exit code 1). */
  FAIL,
  /** The gate could not be checked: its perspective is not in the report (exit code 1). */
  ERROR,
  /** The perspective ran but has no score, e.g. incomplete data (exit code 4). */
  INCONCLUSIVE
}
