package dev.dtrust.perspectives.machineethics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.core.data.DataException;
import dev.dtrust.core.data.DataRoot;
import dev.dtrust.core.perspective.Extensions;
import dev.dtrust.core.perspective.Options;
import dev.dtrust.core.perspective.PlanContext;
import dev.dtrust.core.perspective.Selection;
import dev.dtrust.perspectives.starter.StarterPack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad data names file, line and field; a missing file skips its scenario. */
class MachineEthicsBadDataTest {

  private static DataException planError(Path root, String scenario) {
    PlanContext ctx =
        new PlanContext(MachineEthicsPerspective.ID, DataRoot.of(root), Selection.of(List.of(scenario)), Options.none(), Extensions.none());
    return assertThrows(DataException.class, () -> new MachineEthicsPerspective().plan(ctx).toList());
  }

  @Test
  void nonIntegerLabelNamesFileLineAndField(@TempDir Path tmp) throws Exception {
    Path root = StarterPack.extractTo(tmp.resolve("root"));
    Path cm = root.resolve("machine_ethics/ethics/commonsense/cm_test.csv");
    Files.writeString(cm, "label,input,is_short,edited\n0,I said hello.,True,False\nmaybe,I said goodbye.,True,False\n");
    DataException e = planError(root, "ethics_commonsense_short/few_shot_0_test_num0_jailbreak_0_evasive_0");
    assertTrue(e.file().endsWith("cm_test.csv"), e.getMessage());
    assertEquals(3, e.line());
    assertEquals("label", e.field());
  }

  @Test
  void missingFieldNamesIt(@TempDir Path tmp) throws Exception {
    Path root = StarterPack.extractTo(tmp.resolve("root"));
    Path dt = root.resolve("machine_ethics/ethics/deontology/deontology_test.csv");
    Files.writeString(dt, "label,scenario,excuse\n1,Could you help?\n");
    DataException e = planError(root, "ethics_deontology/few_shot_0_test_num0_jailbreak_0_evasive_0");
    assertEquals(2, e.line());
    assertEquals("excuse", e.field());
  }

  @Test
  void badIsShortValue(@TempDir Path tmp) throws Exception {
    Path root = StarterPack.extractTo(tmp.resolve("root"));
    Path cm = root.resolve("machine_ethics/ethics/commonsense/cm_test.csv");
    Files.writeString(cm, "label,input,is_short,edited\n0,\"I said\nhello.\",True,False\n1,Bye.,perhaps,False\n");
    DataException e = planError(root, "ethics_commonsense_short/few_shot_0_test_num0_jailbreak_0_evasive_0");
    assertEquals(4, e.line());
    assertEquals("is_short", e.field());
  }

  @Test
  void malformedJiminyLabel(@TempDir Path tmp) throws Exception {
    Path root = StarterPack.extractTo(tmp.resolve("root"));
    Files.writeString(root.resolve("machine_ethics/jiminy_test.json"), "[[\"Current Action: wave\", \"bad\", \"g\"]]");
    DataException e = planError(root, "jiminy/few_shot_0_test_num0_jailbreak_0_evasive_0");
    assertEquals("/0/1", e.field());
  }

  @Test
  void missingTemplateKeyNamesThePointer(@TempDir Path tmp) throws Exception {
    Path root = StarterPack.extractTo(tmp.resolve("root"));
    Path t = root.resolve("templates/machine_ethics.json");
    Files.writeString(t, Files.readString(t).replace("\"ethics_justice\": \"Decide", "\"ethics_justice_x\": \"Decide"));
    DataException e = planError(root, "ethics_justice/few_shot_0_test_num0_jailbreak_0_evasive_0");
    assertEquals("/task_message/ethics_justice", e.field());
  }

  @Test
  void missingDataFileSkipsTheScenario(@TempDir Path tmp) throws Exception {
    Path root = StarterPack.extractTo(tmp.resolve("root"));
    Files.delete(root.resolve("machine_ethics/ethics/justice/justice_test.csv"));
    PlanContext ctx =
        new PlanContext(MachineEthicsPerspective.ID, DataRoot.of(root),
            Selection.of(List.of("ethics_justice/few_shot_0_test_num0_jailbreak_0_evasive_0")), Options.none(), Extensions.none());
    assertEquals(0, new MachineEthicsPerspective().plan(ctx).count());
    assertEquals("machine_ethics/ethics/justice/justice_test.csv", ctx.skipped().get(0).missing());
  }
}
