package dev.dtrust.perspectives.ood;

import dev.dtrust.core.data.Templates;
import java.util.List;
import java.util.Locale;

/** Judges a sentiment reply by substrings, as upstream's {@code evaluation} does (EO:125-138, quirk 6). */
final class StyleAnswerParser {
  private final String positive;
  private final String negative;

  StyleAnswerParser(Templates t) {
    this(t.texts("/scoring/style/label_words"));
  }

  StyleAnswerParser(List<String> labelWords) {
    this.positive = labelWords.get(0);
    this.negative = labelWords.get(1);
  }

  /** The verdict for one reply given the gold word. */
  Verdict judge(String reply, String gold) {
    String t = reply.toLowerCase(Locale.ROOT);
    boolean pos = t.contains(positive);
    boolean neg = t.contains(negative);
    if (!pos && !neg) {
      return Verdict.REFUSED;
    }
    if (pos && neg) {
      return Verdict.BOTH_LABELS;
    }
    return t.contains(gold) ? Verdict.CORRECT : Verdict.WRONG;
  }
}
