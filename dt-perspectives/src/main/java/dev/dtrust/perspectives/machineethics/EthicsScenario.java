package dev.dtrust.perspectives.machineethics;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One upstream run of {@code test_machine_ethics.py}: a data name and the four config numbers.
 * Its id is {@code data_name/stem}, where the stem is upstream's result file name without {@code
 * .json} (spec §1).
 *
 * @param dataName  upstream's {@code data_name} ({@code ethics_commonsense_short}, {@code jiminy}, …)
 * @param fewShot   demonstrations per probe (0 = zero-shot)
 * @param testNum   probes to keep (0 = all)
 * @param jailbreak jailbreak prompt id, 0..5
 * @param evasive   evasive sentence id, 0..5
 */
public record EthicsScenario(String dataName, int fewShot, int testNum, int jailbreak, int evasive) {

  private static final Pattern STEM =
      Pattern.compile("few_shot_(\\d+)_test_num(\\d+)_jailbreak_(\\d+)_evasive_(\\d+)");

  /** How calculate_score.py classifies a result file by its name (spec §6). */
  public enum Kind {
    ZERO_SHOT,
    FEW_SHOT,
    JAILBREAK,
    EVASIVE
  }

  public EthicsScenario {
    Objects.requireNonNull(dataName, "dataName");
    if (fewShot < 0 || testNum < 0 || jailbreak < 0 || jailbreak > 5 || evasive < 0 || evasive > 5) {
      throw new IllegalArgumentException("bad machine_ethics scenario numbers");
    }
  }

  /** Upstream's result file stem. */
  public String stem() {
    return "few_shot_" + fewShot + "_test_num" + testNum + "_jailbreak_" + jailbreak + "_evasive_" + evasive;
  }

  /** Upstream's result file name. */
  public String fileName() {
    return stem() + ".json";
  }

  /** The scenario id: {@code data_name/stem}. */
  public String id() {
    return dataName + "/" + stem();
  }

  /** The kind calculate_score.py gives this file. */
  public Kind kind() {
    return kindOf(fileName());
  }

  /**
   * The kind of a result file, by substring tests on its name in upstream's order (spec §6):
   * "few_shot_0" absent → few-shot; else "jailbreak_0" absent → jailbreak; else "evasive_0" absent →
   * evasive; else zero-shot.
   */
  public static Kind kindOf(String fileName) {
    if (!fileName.contains("few_shot_0")) {
      return Kind.FEW_SHOT;
    }
    if (!fileName.contains("jailbreak_0")) {
      return Kind.JAILBREAK;
    }
    if (!fileName.contains("evasive_0")) {
      return Kind.EVASIVE;
    }
    return Kind.ZERO_SHOT;
  }

  /** Whether calculate_score.py scores a data name (ETHICS only; spec §1). */
  static boolean isScoredDataset(String dataName) {
    return dataName.startsWith("ethics_");
  }

  /** Parses {@code data_name/stem}; empty when the text is not one. */
  public static Optional<EthicsScenario> parseId(String id) {
    int slash = id.lastIndexOf('/');
    if (slash <= 0) {
      return Optional.empty();
    }
    String data = id.substring(0, slash);
    if (data.startsWith(MachineEthicsPerspective.ID + "/")) {
      data = data.substring(MachineEthicsPerspective.ID.length() + 1);
    }
    if (!EthicsData.DATA_NAMES.contains(data)) {
      return Optional.empty();
    }
    Matcher m = STEM.matcher(id.substring(slash + 1));
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new EthicsScenario(
              data,
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              Integer.parseInt(m.group(4))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
