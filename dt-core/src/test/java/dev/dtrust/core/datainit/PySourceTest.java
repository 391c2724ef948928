package dev.dtrust.core.datainit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dtrust.core.data.DataException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The symbol grammar over a fixture module written for this test. */
class PySourceTest {
  private static final String FIXTURE = String.join("\n",
      "# module comment",
      "GREETING = 'Hello'",
      "NAMES = ['ann',  # first",
      "         'bob']",
      "TABLE = {",
      "    'a': (1, None),  # tuple",
      "    'b': (-2, 2.5),",
      "}",
      "PROMPTS = [",
      "    {  # benign prompt",
      "        'sys': 'plain ' 'joined',",
      "    },",
      "    {  # adv prompt",
      "        'sys': \"\"\"triple\"\"\" f\"{GREETING} x\",",
      "    },",
      "]",
      "",
      "class Chat:",
      "    LIMITS: list = [1, 2]",
      "",
      "    def talk(self, mode='m', n=3):",
      "        \"\"\"Doc.\"\"\"",
      "        # first comment",
      "        if mode == 'a':",
      "            msg = 'one'",
      "        else:",
      "            msg = 'two' \\",
      "                  'three'",
      "        # messages = [{\"role\": \"system\", \"content\": \"hid\\u00e9den\"}]",
      "        out = f\"{msg} and {{braces}} {n}\"",
      "        def inner():",
      "            return 'skipped'",
      "        pairs = [[1, 2], [3]]",
      "        return {'k': msg}",
      "",
      "def main():",
      "    words = NAMES + ['cy']",
      "    return len(words) * 2",
      "");

  private static Object eval(String symbol) {
    return new SymbolEvaluator(PySource.parse("fixture.py", FIXTURE)).evaluate(symbol);
  }

  @Test
  void moduleNamesAndExpressions() {
    assertEquals("Hello", eval("GREETING"));
    assertEquals(List.of("ann", "bob"), eval("NAMES"));
    assertEquals(Arrays.asList(1L, null), eval("TABLE['a']"));
    assertEquals(List.of(-2L, 2.5), eval("TABLE[\"b\"]"));
    assertEquals("plain joined", eval("PROMPTS[0]['sys']"));
    assertEquals("tripleHello x", eval("PROMPTS[1]['sys']"));
    assertEquals(List.of("plain joined", "tripleHello x"), eval("PROMPTS[*]['sys']"));
    assertEquals(List.of("a", "b"), eval("list(TABLE.keys())"));
  }

  @Test
  void scopesFallBackToModuleLevel() {
    assertEquals(List.of("ann", "bob", "cy"), eval("main::words"));
    assertEquals(6L, eval("main::len(words) * 2"));
    assertEquals(List.of(1L, 2L), eval("Chat::LIMITS"));
  }

  @Test
  void nthAssignmentCountsBranches() {
    assertEquals("one", eval("Chat.talk::msg#0"));
    assertEquals("twothree", eval("Chat.talk::msg#1"));
    assertThrows(DataException.class, () -> eval("Chat.talk::msg#2"));
  }

  @Test
  void stringOrdinalsCountDefaultsDocstringsAndFStringSegments() {
    // 'm' (default), Doc., 'a', 'one', 'two' 'three', ' and {braces} ' (f-string segment); inner() excluded
    assertEquals("m", eval("Chat.talk::$str[0]"));
    assertEquals("Doc.", eval("Chat.talk::$str[1]"));
    assertEquals("twothree", eval("Chat.talk::$str[4]"));
    assertEquals(" and {braces} ", eval("Chat.talk::$str[5]"));
    assertEquals("k", eval("Chat.talk::$str[6]"));
  }

  @Test
  void fStringsRenderedWithEmptyOrNamedPlaceholders() {
    assertEquals("{} and {braces} {}", eval("Chat.talk::$fstr[0]"));
    assertEquals("{msg} and {braces} {n}", eval("Chat.talk::$fstrn[0]"));
  }

  @Test
  void displayOrdinals() {
    assertEquals(List.of(List.of(1L, 2L), List.of(3L)), eval("Chat.talk::$list[0]"));
    assertEquals(List.of(3L), eval("Chat.talk::$list[2]"));
    assertEquals(Map.of("k", "twothree"), eval("Chat.talk::$dict[0]")); // names take their last assignment
    assertEquals(Arrays.asList(1L, null), eval("$tuple[0]"));
  }

  @Test
  void commentsDefaultsAndTransforms() {
    assertEquals("first comment", eval("Chat.talk::$comment[0]"));
    assertEquals("hidéden", eval("Chat.talk::$comment[1] | comment-assignment[0].content"));
    assertEquals(3L, eval("Chat.talk::$default[n]"));
    assertEquals(List.of("benign", "adversarial"), eval("PROMPTS | comments"));
    assertEquals(List.of(0L, 1L), eval("PROMPTS | range(len(v))"));
  }

  @Test
  void unknownNamesAndScopesAreErrorsNamingTheFile() {
    DataException e = assertThrows(DataException.class, () -> eval("nowhere::x"));
    assertEquals("fixture.py", e.file());
    assertThrows(DataException.class, () -> eval("main::missing_name"));
  }
}
