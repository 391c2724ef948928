package dev.dtrust.perspectives.advdemonstration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.core.data.DataRoot;
import dev.dtrust.core.testing.SharedData;
import dev.dtrust.perspectives.advdemonstration.AnswerJudge.Verdict;
import org.junit.jupiter.api.Test;

/** Spec §10 item 6: upstream's own parse cases, plus Python-only whitespace. */
class AnswerJudgeTest {

  private static AnswerJudge judge() {
    return new AnswerJudge(DataRoot.of(SharedData.root()).templates(AdvDemonstrationPerspective.ID));
  }

  @Test
  void item6_parseVectors() {
    AnswerJudge judge = judge();
    JsonNode vectors = SharedData.expected("adv_demonstration-gpt-3.5.json").get("parse_test_vectors");
    assertEquals(22, vectors.size());
    for (JsonNode v : vectors) {
      Verdict verdict = judge.judge(v.get("content").asText(), v.get("label").asText());
      String what = v.get("content").asText() + " / " + v.get("label").asText();
      assertEquals(v.get("correct").asInt() == 1, verdict == Verdict.CORRECT, what);
      assertEquals(v.get("refusal").asInt() == 1, verdict == Verdict.REFUSAL, what);
    }
  }

  @Test
  void pythonWhitespaceAndLiteralSeparators() {
    AnswerJudge judge = judge();
    assertEquals(Verdict.CORRECT, judge.judge("\u00a0Yes\u00a0", "yes"));
    assertEquals(Verdict.CORRECT, judge.judge("no\u2007", "no"));
    assertEquals(Verdict.OTHER, judge.judge("yXs", "y")); // "." is not a regex wildcard
    assertEquals(Verdict.REFUSAL, judge.judge("I'm sorry", "yes"));
    assertEquals(Verdict.OTHER, judge.judge("I\u2019m sorry", "yes")); // ASCII apostrophe only
  }
}
