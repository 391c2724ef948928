package dev.dtrust.core.datainit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dtrust.core.data.DataException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every transform of data-init.md on fixtures written for this project. */
class TransformsTest {

  private static Object apply(String t, Object v) {
    return Transforms.apply("t.py", t, v, Map.of("template", 3L));
  }

  private static Map<Object, Object> map(Object... kv) {
    Map<Object, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void stringMethods() {
    assertEquals("x/y.json", apply("v.removeprefix('./data/')", "./data/x/y.json"));
    assertEquals("other/x", apply("v.removeprefix('./data/')", "other/x"));
    assertEquals("c.json", apply("v.rsplit('/', 1)[1]", "a/b/c.json"));
    assertEquals("taken text", apply("v.replace('taddext', 'text')", "taken taddext"));
    assertEquals("r/{model}/t-3.jsonl",
        apply("v.replace('${model_config.model}','{model}').replace('${.template}',str(Y['template']))",
            "r/${model_config.model}/t-${.template}.jsonl"));
  }

  @Test
  void containerTransforms() {
    assertEquals(List.of("a", "b"), apply("list(v)", map("a", 1L, "b", 2L)));
    assertEquals(List.of(0L, 1L, 2L), apply("range(len(v))", List.of("x", "y", "z")));
    assertEquals(List.of("second", "first"), apply("[v[1], v[0]]", List.of("first", "second")));
    assertEquals(map("mnli", "P", "sst2", "S", "mnli-mm", "P"),
        apply("dict(v, **{'mnli-mm': v['mnli']})", map("mnli", "P", "sst2", "S")));
    assertEquals(map("1", "a", "2", "b"), apply("{str(k): x for k, x in v.items()}", map(1L, "a", 2L, "b")));
    assertEquals(map("sst2", List.of(new ArrayList<>(List.of("neg", 0L)), new ArrayList<>(List.of("pos", 1L)))),
        apply("{k: [[w, i] for w, i in m.items()] for k, m in v.items()}",
            map("sst2", map("neg", 0L, "pos", 1L))));
    Map<Object, Object> glue = (Map<Object, Object>) apply(
        "{k: (k if k != 'mnli-mm' else 'mnli') for k in sorted(v)}", map("sst2", 1L, "mnli-mm", 2L, "mnli", 3L));
    assertEquals(List.of("mnli", "mnli-mm", "sst2"), new ArrayList<>(glue.keySet()));
    assertEquals("mnli", glue.get("mnli-mm"));
  }

  @Test
  void categoryRule() {
    assertEquals("benign", Transforms.category("Benign prompt"));
    assertEquals("adversarial", Transforms.category("adv prompt"));
    assertEquals("straightforward", Transforms.category("straightforward"));
  }

  @Test
  void onlyTheFixedSetIsAccepted() {
    assertFalse(Transforms.isKnown("v.upper()"));
    assertThrows(DataException.class, () -> apply("v.upper()", "x"));
    assertThrows(DataException.class, () -> apply("__import__('os')", "x"));
  }
}
