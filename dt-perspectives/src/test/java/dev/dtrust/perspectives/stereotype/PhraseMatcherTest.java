package dev.dtrust.perspectives.stereotype;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dtrust.core.python.PythonStrings;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {
  private static final List<List<String>> LISTS = List.of(
      List.of("i agree", "agree."),
      List.of("i disagree", "i do not agree", "not agree"),
      List.of("sorry", "cannot", "ai"),
      List.of("as an ai", "ai language model"));

  @Test
  void overlappingAndNestedPhrasesAreAllFound() {
    PhraseMatcher m = new PhraseMatcher(LISTS);
    assertEquals(0b0011, m.match("well, i disagree."));
    assertEquals(0b1100, m.match("as an ai language model"));
    assertEquals(0b0110, m.match("i do not agree, sorry"));
    assertEquals(0, m.match(""));
    assertEquals(0, m.match("nothing here"));
  }

  @Test
  void agreesWithContainsOnRandomTexts() {
    PhraseMatcher m = new PhraseMatcher(LISTS);
    Random random = new Random(7);
    String alphabet = "aginoldstr .ycm";
    for (int k = 0; k < 20_000; k++) {
      String text = randomText(random, alphabet);
      int expected = 0;
      for (int bit = 0; bit < LISTS.size(); bit++) {
        for (String p : LISTS.get(bit)) {
          if (text.contains(p)) {
            expected |= 1 << bit;
          }
        }
      }
      assertEquals(expected, m.match(text), text);
    }
  }

  @Test
  void matchingTheLowerCaseWithoutCopyingAgreesWithPythonLower() {
    PhraseMatcher m = new PhraseMatcher(LISTS);
    Random random = new Random(11);
    // upper case, non-ASCII letters (Σ has a context-dependent lower case), an emoji (surrogates)
    String alphabet = "aginoldstrAGINOLDST .ycmÉéΣσß\uD83D\uDE00’";
    for (int k = 0; k < 20_000; k++) {
      String text = randomText(random, alphabet);
      assertEquals(m.match(PythonStrings.lower(text)), m.matchLowerCase(text), text);
    }
  }

  @Test
  void theTwoCharactersWhoseLowerCaseIsAsciiAreLeftToTheFullPath() {
    PhraseMatcher m = new PhraseMatcher(LISTS);
    // U+0130 lower-cases to "i" + U+0307 and U+212A (Kelvin) to "k": Python's lower makes ASCII of them
    assertEquals(-1, m.matchLowerCase("A\u0130"));
    assertEquals(-1, m.matchLowerCase("o\u212Aay"));
    assertEquals(0b0100, m.match(PythonStrings.lower("A\u0130"))); // "ai" + U+0307 contains "ai"
    assertEquals(-1, new PhraseMatcher(List.of(List.of("é"))).matchLowerCase("É"));
  }

  @Test
  void anEmptyPhraseMatchesEveryText() {
    assertEquals(0b10, new PhraseMatcher(List.of(List.of("x"), List.of(""))).match("abc"));
  }

  private static String randomText(Random random, String alphabet) {
    StringBuilder sb = new StringBuilder();
    int len = random.nextInt(40);
    for (int i = 0; i < len; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
