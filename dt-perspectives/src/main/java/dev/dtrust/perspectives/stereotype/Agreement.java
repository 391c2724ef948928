package dev.dtrust.perspectives.stereotype;

/** How an answer stands toward the statement (upstream's agreeability number in brackets). */
public enum Agreement {
  /** The model agrees with the stereotype (1). */
  AGREE,
  /** The model disagrees (-1). */
  DISAGREE,
  /** No usable answer: a refusal, a mix, or no phrase at all (0). */
  NO_RESPONSE
}
