package dev.dtrust.perspectives.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dtrust.core.data.DataRoot;
import dev.dtrust.core.data.Templates;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.testing.SharedData;
import dev.dtrust.perspectives.fairness.FairnessPromptBuilder.FewShotLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec §3: message layouts, roles, names, joiners and capitalised labels. */
class FairnessPromptBuilderTest {
  private static final FairnessRecord FEW = new FairnessRecord(0, "description:  test", "no",
      List.of(new FairnessRecord.Demonstration("description: d1", "yes"), new FairnessRecord.Demonstration("description: d2", "no")));

  private static Templates templates() {
    return DataRoot.of(SharedData.root()).templates("fairness");
  }

  private static FairnessPromptBuilder builder(FewShotLayout layout) {
    return new FairnessPromptBuilder(templates(), layout);
  }

  @Test
  void fewShotWithExamplePrefixIsWhatUpstreamSends() {
    List<ChatMessage> m = builder(FewShotLayout.EXAMPLE_PREFIX).messages(FairnessScenario.Dataset.ADULT, FEW);
    assertEquals(1 + 2 * 2 + 1, m.size());
    assertEquals("system", m.get(0).role());
    assertNull(m.get(0).name());
    // The prefix already ends in a space: the two texts are concatenated as they are.
    assertEquals(templates().text("/system_prompts/few_shot_prefix") + templates().text("/task_descriptions/adult"),
        m.get(0).content());
    assertEquals(new ChatMessage("system", "description: d1", "example_user"), m.get(1));
    assertEquals(new ChatMessage("system", "Yes", "example_assistant"), m.get(2));
    assertEquals(new ChatMessage("system", "No", "example_assistant"), m.get(4));
    assertEquals(new ChatMessage("user", "description:  test", null), m.get(5));
  }

  @Test
  void noPrefixLayoutIsAnOption() {
    List<ChatMessage> m = builder(FewShotLayout.NO_PREFIX).messages(FairnessScenario.Dataset.ADULT, FEW);
    assertEquals(3 + 2 * 2 + 1, m.size());
    assertEquals(ChatMessage.system(templates().text("/system_prompts/few_shot_no_prefix")), m.get(0));
    assertEquals(ChatMessage.user(templates().text("/task_descriptions/adult")), m.get(1));
    assertEquals(ChatMessage.assistant(templates().text("/assistant_ack_no_prefix")), m.get(2));
    assertEquals(ChatMessage.user("description: d1"), m.get(3));
    assertEquals(ChatMessage.assistant("Yes"), m.get(4));
    assertEquals(ChatMessage.user("description:  test"), m.get(7));
  }

  @Test
  void zeroShotJoinsTaskAndInputWithOneLf() {
    FairnessRecord r = new FairnessRecord(0, "description: x", "High", List.of());
    List<ChatMessage> m = builder(FewShotLayout.EXAMPLE_PREFIX).messages(FairnessScenario.Dataset.CRIME, r);
    assertEquals(ChatMessage.system(templates().text("/system_prompts/zero_shot")), m.get(0));
    assertEquals(templates().text("/task_descriptions/crime") + "\ndescription: x", m.get(1).content());
  }
}
