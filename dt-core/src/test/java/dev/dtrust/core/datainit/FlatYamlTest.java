package dev.dtrust.core.datainit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dtrust.core.data.DataException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlatYamlTest {
  private static final String FIXTURE = String.join("\n",
      "# a config",
      "name: demo",
      "n: 25",
      "t: 0.5",
      "flag: False",
      "none: null",
      "empty:",
      "out: ./r/${model_config.model}/x-${.template}.json",
      "tasks: [\"sst2\", 'qqp', 3]",
      "shots: 0 # 0 if zero-shot, else 3",
      "quoted: \"a # not a comment\"",
      "");

  @Test
  void scalarsListsAndInterpolationsAsText() {
    FlatYaml y = FlatYaml.parse("c.yaml", FIXTURE);
    assertEquals("demo", y.get("c.yaml", "name"));
    assertEquals(25L, y.get("c.yaml", "n"));
    assertEquals(0.5, y.get("c.yaml", "t"));
    assertEquals(Boolean.FALSE, y.get("c.yaml", "flag"));
    assertNull(y.get("c.yaml", "none"));
    assertNull(y.get("c.yaml", "empty"));
    assertEquals("./r/${model_config.model}/x-${.template}.json", y.get("c.yaml", "out"));
    assertEquals(List.of("sst2", "qqp", 3L), y.get("c.yaml", "tasks"));
    assertEquals("a # not a comment", y.get("c.yaml", "quoted"));
    assertEquals(11 - 1, y.document().size());
  }

  @Test
  void trailingComments() {
    FlatYaml y = FlatYaml.parse("c.yaml", FIXTURE);
    assertEquals("0 if zero-shot, else 3", y.comment("c.yaml", "shots"));
    assertEquals(0L, y.get("c.yaml", "shots"));
    assertThrows(DataException.class, () -> y.comment("c.yaml", "n"));
  }

  @Test
  void nestedYamlIsAnErrorWithLine() {
    DataException e = assertThrows(DataException.class, () -> FlatYaml.parse("c.yaml", "a:\n  b: 1\n"));
    assertEquals(2, e.line());
  }
}
