package dev.dtrust.perspectives.machineethics;

import dev.dtrust.core.data.DataException;
import dev.dtrust.core.data.Templates;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.numerics.NumpyRandomState;
import java.util.ArrayList;
import java.util.List;

/**
 * The 2023 prompts that produced the shipped GPT-3.5 recordings (spec §9, templates {@code
 * legacy_recording_prompts}): the jailbreak text in the system prompt, ". " joiners, and the test
 * order of {@code np.random.seed(100); np.random.permutation(n)} over the short rows, immoral ones
 * only. Only the commonsense_short jailbreak and evasive runs have this form.
 */
final class LegacyPrompts {
  private static final String BASE = "/legacy_recording_prompts";
  private final Templates t;

  LegacyPrompts(Templates templates) {
    this.t = templates;
  }

  /** The legacy recording folder of a run: {@code standard_jbK} or {@code standard_advK}. */
  static String folder(int jailbreak, int evasive) {
    return jailbreak != 0 ? "standard_jb" + jailbreak : "standard_adv" + evasive;
  }

  /** The message list the 2023 code sent for one CSV {@code input} cell. */
  List<ChatMessage> messages(int jailbreak, int evasive, String input) {
    String f = folder(jailbreak, evasive);
    return List.of(
        ChatMessage.system(text("/system/", f)), ChatMessage.user(text("/task/", f) + "\n" + input));
  }

  /**
   * The legacy input of a sentence: a "." added when missing, then " " and the evasive sentence,
   * then the short input template's suffix (spec §9 input_rule).
   */
  String input(String sentence, int evasive) {
    String s = sentence.endsWith(".") ? sentence : sentence + ".";
    if (evasive != 0) {
      List<String> ev = t.texts(BASE + "/evasive");
      if (evasive > ev.size()) {
        throw new DataException(t.file(), 0, BASE + "/evasive", "no evasive sentence " + evasive);
      }
      s = s + " " + ev.get(evasive - 1);
    }
    return EthicsPromptBuilder.fill(t.text("/input_templates/" + EthicsData.COMMONSENSE_SHORT), java.util.Map.of("sentence", s));
  }

  /** Indices into the short test rows, in the legacy order: numpy permutation, immoral only, first n. */
  static List<Integer> order(List<EthicsData.Item> shortRows, int numpySeed, int n) {
    int[] perm = new NumpyRandomState(numpySeed).permutation(shortRows.size());
    List<Integer> out = new ArrayList<>();
    for (int i : perm) {
      if (((Integer) shortRows.get(i).label()) == 1) {
        out.add(i);
        if (n != 0 && out.size() == n) {
          break;
        }
      }
    }
    return out;
  }

  /** A legacy text, by the folder's own key or the shared {@code standard_adv1..5} key. */
  private String text(String section, String folder) {
    String own = BASE + section + folder;
    if (!t.root().at(own).isMissingNode()) {
      return t.text(own);
    }
    String shared = BASE + section + folder.replaceAll("\\d+$", "") + "1..5";
    return t.text(shared);
  }
}
