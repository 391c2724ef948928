package dev.dtrust.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dtrust.core.json.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DigestTableTest {

  private static byte[] digest(String s) {
    return Sha256.digest().digest(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void agreesWithAHashMapThroughManyGrowths() {
    DigestTable table = new DigestTable();
    Map<String, Integer> reference = new HashMap<>();
    for (int i = 0; i < 50_000; i++) {
      String k = "k" + (i % 20_000);
      assertEquals(reference.getOrDefault(k, 0).intValue(), table.increment(digest(k)), k);
      reference.merge(k, 1, Integer::sum);
    }
    assertEquals(20_000, table.size());
    reference.forEach((k, v) -> assertEquals(v.intValue(), table.get(digest(k)), k));
    assertEquals(DigestTable.ABSENT, table.get(digest("absent")));
  }

  @Test
  void digestsThatShareTheirFirstWordAreKeptApart() {
    DigestTable table = new DigestTable();
    byte[] a = new byte[32];
    byte[] b = new byte[32];
    b[31] = 1;
    table.put(a, 7);
    table.put(b, 8);
    assertEquals(7, table.get(a));
    assertEquals(8, table.get(b));
    assertEquals(7, table.put(a, 9));
    assertEquals(2, table.size());
  }

  @Test
  void hexOfAProbeKeyIsItsDigest() {
    byte[] d = digest("x");
    assertEquals(Sha256.toHex(d), Sha256.toHex(DigestTable.fromHex(Sha256.hex("x"))));
  }
}
