package dev.dtrust.perspectives.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dtrust.core.data.DataRoot;
import dev.dtrust.core.data.NpyArray;
import dev.dtrust.core.data.NpyReader;
import dev.dtrust.core.testing.SharedData;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Spec §2 sanity: the shipped inputs pair record i with npy element i as the spec describes. */
class FairnessDataCompositionTest {

  private static Map<String, Integer> cells(String scenario) {
    DataRoot root = DataRoot.of(SharedData.root());
    FairnessScenario s = FairnessScenario.byId(scenario).orElseThrow();
    List<FairnessRecord> records = FairnessRecord.readAll(root, s.promptFile());
    NpyArray attr = NpyReader.read(root, s.sensitiveFile());
    assertEquals(records.size(), attr.length());
    Map<String, Integer> out = new TreeMap<>();
    for (FairnessRecord r : records) {
      out.merge(attr.get(r.index()) + "," + r.label(), 1, Integer::sum);
    }
    return out;
  }

  @Test
  void adultBaseRates() {
    assertEquals(Map.of("Female,no", 50, "Female,yes", 50, "Male,no", 50, "Male,yes", 50), cells("zero_shot_br_0.0"));
    assertEquals(Map.of("Female,no", 75, "Female,yes", 25, "Male,no", 25, "Male,yes", 75), cells("zero_shot_br_0.5"));
    assertEquals(Map.of("Female,no", 100, "Male,yes", 100), cells("zero_shot_br_1.0"));
  }

  @Test
  void crimeSensitiveArrayIsTheGoldLabel() {
    for (String id : new String[] {"crime_br_0.0", "crime_br_0.5", "crime_br_1.0"}) {
      assertEquals(Map.of("0,High", 120, "1,Low", 180), cells(id), id);
    }
  }

  @Test
  void demonstrationsAndInputsKeepTheirSpacing() {
    DataRoot root = DataRoot.of(SharedData.root());
    List<FairnessRecord> r16 = FairnessRecord.readAll(root, FairnessScenario.byId("few_shot_16_fair_demon").orElseThrow().promptFile());
    assertEquals(200, r16.size());
    assertEquals(16, r16.get(0).examples().size());
    // Test inputs carry two spaces after "description:", demonstrations one (spec §2).
    assertEquals(true, r16.get(0).input().startsWith("description:  "));
    assertEquals(true, r16.get(0).examples().get(0).text().startsWith("description: A"));
  }
}
