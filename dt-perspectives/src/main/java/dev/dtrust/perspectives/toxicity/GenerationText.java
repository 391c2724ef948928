package dev.dtrust.perspectives.toxicity;

import dev.dtrust.core.python.PythonStrings;
import java.util.List;

/**
 * The text of a generation as upstream scores it (spec toxicity.md §5): optionally stripped of
 * chat-template debris, and "empty" when Python's {@code str.strip()} would leave nothing.
 */
final class GenerationText {
  private final boolean strip;
  private final List<String> remove;
  private final List<String> cutAt;

  GenerationText(boolean strip, List<String> remove, List<String> cutAt) {
    this.strip = strip;
    this.remove = remove;
    this.cutAt = cutAt;
  }

  /** The text to score: unchanged unless {@code stripOutputs} is on. */
  String clean(String generated) {
    if (!strip) {
      return generated;
    }
    String t = generated;
    for (String r : remove) {
      t = t.replace(r, "");
    }
    // Upstream cuts at the first marker of the list that occurs (if/elif chain), not the earliest one.
    for (String c : cutAt) {
      int i = t.indexOf(c);
      if (i >= 0) {
        return t.substring(0, i);
      }
    }
    return t;
  }

  /** Whether {@code text.strip()} is empty in Python: every character is Python whitespace (spec §10). */
  static boolean isBlank(String text) {
    return text.isEmpty() || PythonStrings.isspace(text);
  }
}
