package dev.dtrust.core.toxicity;

import dev.dtrust.core.json.Sha256;
import java.util.List;

/**
 * A deterministic <em>test</em> scorer, {@code fake-sha256-v1} (spec toxicity.md §6.2): the score
 * of a text is the first 8 hex digits of the SHA-256 of its UTF-8 bytes read as an unsigned
 * integer, divided by 2^32 (exact), the same value for all six Perspective attributes. It says
 * nothing about toxicity; it exists so that refusal counting and upstream's aggregation can be
 * checked bit for bit without Perspective API. Never comparable with the leaderboard.
 */
public final class FakeSha256Scorer implements ToxicityScorer {

  /** The scorer id. */
  public static final String ID = "fake-sha256-v1";

  private static final double TWO_TO_MINUS_32 = 0x1p-32;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public ToxicityScores score(String text) {
    return ToxicityScores.uniform(ToxicityScores.PERSPECTIVE_ATTRIBUTES, value(text));
  }

  /** The fake score of a text. */
  public static double value(String text) {
    long v = Long.parseLong(Sha256.hex(text).substring(0, 8), 16);
    return v * TWO_TO_MINUS_32;
  }

  /** The attributes this scorer returns. */
  public static List<String> attributes() {
    return ToxicityScores.PERSPECTIVE_ATTRIBUTES;
  }
}
