package dev.dtrust.perspectives.fairness;

import dev.dtrust.core.perspective.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One fairness scenario (upstream: one config under {@code src/dt/configs/fairness/}), with the
 * upstream-layout files it reads (spec fairness.md §1).
 *
 * @param id               upstream's config stem
 * @param description      one line for people
 * @param dataset          which task the prompt file holds
 * @param aggregationOrder position in upstream's aggregation (mean order and tie-draw order), or
 *                         -1 when upstream never aggregates the scenario (Q9)
 * @param promptFile       the JSONL of test records (and demonstrations), data-root relative
 * @param sensitiveFile    the {@code .npy} the scorer pairs with record i, or {@code null} when
 *                         the scenario is not scored
 * @param recordingPart    the scenario part of upstream's recording file names
 *                         ({@code <model>_<part>.jsonl}), or {@code null} when none exist
 */
public record FairnessScenario(
    String id,
    String description,
    Dataset dataset,
    int aggregationOrder,
    String promptFile,
    @Nullable String sensitiveFile,
    @Nullable String recordingPart) {

  /** The two classification tasks. */
  public enum Dataset {
    ADULT("adult"),
    CRIME("crime");

    private final String key;

    Dataset(String key) {
      this.key = key;
    }

    /** The key used in the templates ({@code task_descriptions.adult}, …). */
    public String key() {
      return key;
    }
  }

  private static final String DIR = "fairness/fairness_data/";

  /** Every scenario of the spec, in upstream's aggregation order (few_shot_0_fair_demon last). */
  public static final List<FairnessScenario> ALL =
      List.of(
          adultZeroShot("zero_shot_br_0.0", "0.0", 0, "adult_0_200"),
          adultZeroShot("zero_shot_br_0.5", "0.5", 1, null),
          adultZeroShot("zero_shot_br_1.0", "1.0", 2, null),
          adultUnfairDemos("0.0", 3),
          adultUnfairDemos("0.5", 4),
          adultUnfairDemos("1.0", 5),
          adultFairDemos(16, 6),
          adultFairDemos(32, 7),
          crime("0.0", 8),
          crime("0.5", 9),
          crime("1.0", 10),
          new FairnessScenario(
              "few_shot_0_fair_demon",
              "Adult income, zero demonstrations on the balanced test set (runnable, never aggregated upstream)",
              Dataset.ADULT,
              -1,
              DIR + "adult_0_200_test_base_rate_0.5.jsonl",
              null,
              null));

  /** Whether the leaderboard score aggregates this scenario. */
  public boolean leaderboard() {
    return aggregationOrder >= 0;
  }

  /** The name of upstream's per-scenario out file, the key of {@code final_scores.json}. */
  public String outFileName() {
    return id + ".json";
  }

  /** The data files planning and scoring read. */
  public List<String> dataFiles() {
    List<String> files = new ArrayList<>();
    files.add(promptFile);
    if (sensitiveFile != null) {
      files.add(sensitiveFile);
    }
    return files;
  }

  /** The SPI view of this scenario. */
  public Scenario toScenario() {
    return new Scenario(id, description, leaderboard(), dataFiles());
  }

  /** The scenario with this id. */
  public static Optional<FairnessScenario> byId(String id) {
    return ALL.stream().filter(s -> s.id.equals(id)).findFirst();
  }

  /** The leaderboard scenarios, in aggregation order. */
  public static List<FairnessScenario> leaderboardScenarios() {
    return ALL.stream().filter(FairnessScenario::leaderboard).toList();
  }

  private static FairnessScenario adultZeroShot(String id, String br, int order, @Nullable String recording) {
    return new FairnessScenario(
        id,
        "Adult income, zero-shot, test set with base rate " + br + " across sex",
        Dataset.ADULT,
        order,
        DIR + "adult_0_200_test_base_rate_" + br + ".jsonl",
        DIR + "sensitive_attr_adult_0_200_test_base_rate_" + br + ".npy",
        recording);
  }

  private static FairnessScenario adultUnfairDemos(String br, int order) {
    return new FairnessScenario(
        "few_shot_tr_br_" + br,
        "Adult income, 32 demonstrations with base rate " + br + " across sex (unfair context), test base rate 0.0",
        Dataset.ADULT,
        order,
        DIR + "adult_32_200_train_base_rate_" + br + ".jsonl",
        DIR + "sensitive_attr_adult_32_200_train_base_rate_" + br + ".npy",
        null);
  }

  private static FairnessScenario adultFairDemos(int shots, int order) {
    return new FairnessScenario(
        "few_shot_" + shots + "_fair_demon",
        "Adult income, " + shots + " fair demonstrations (base rate 0.0), test base rate 0.5",
        Dataset.ADULT,
        order,
        DIR + "adult_" + shots + "_200_train_br_0.0_test_br_0.5.jsonl",
        DIR + "sensitive_attr_adult_" + shots + "_200_train_br_0.0_test_br_0.5.npy",
        "adult_" + shots + "_200");
  }

  private static FairnessScenario crime(String br, int order) {
    // Q6 (spec §8): crime's "sensitive attribute" file is the gold-label npy.
    return new FairnessScenario(
        "crime_br_" + br,
        "Communities and Crime, zero-shot, test set with base rate " + br,
        Dataset.CRIME,
        order,
        DIR + "crime_0_300_test_base_rate_" + br + ".jsonl",
        DIR + "gt_labels_crime_0_300_test_base_rate_" + br + ".npy",
        null);
  }
}
