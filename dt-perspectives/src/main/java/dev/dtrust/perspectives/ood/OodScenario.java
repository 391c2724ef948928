package dev.dtrust.perspectives.ood;

import dev.dtrust.core.perspective.Scenario;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One upstream OOD scenario: a config run over one test category, with an optional fixed
 * demonstration set (spec ood.md §2).
 *
 * @param id           stable id ({@code ood/style/8shot/shake_p0.6/base/0})
 * @param config       upstream config name ({@code style}, {@code style_8shot}, …)
 * @param task         style or knowledge
 * @param idk          whether the knowledge prompt offers "4 : I don't know"
 * @param fewShotNum   demonstrations per prompt (0, 5 or 8)
 * @param testCategory the data category probed ({@code shake_w}, {@code qa_2023}, …)
 * @param demoCategory the demonstration category with its run ({@code base_0}), or {@code null}
 * @param demoName     the demonstration category without the run ({@code base}), or {@code null}
 * @param run          the demonstration run 0..2, or -1 for zero-shot
 * @param resultKey    upstream's key in {@code all_results} / {@code final_scores.json}
 * @param leaderboard  whether the leaderboard score reads it
 */
public record OodScenario(
    String id,
    String config,
    Task task,
    boolean idk,
    int fewShotNum,
    String testCategory,
    @Nullable String demoCategory,
    @Nullable String demoName,
    int run,
    String resultKey,
    boolean leaderboard) {

  /** The two task kinds. */
  public enum Task {
    STYLE,
    KNOWLEDGE
  }

  /** The data-root-relative input file. */
  public String dataFile() {
    return task == Task.STYLE ? OodData.STYLE_FILE : OodData.KNOWLEDGE_FILE;
  }

  /** The core scenario descriptor. */
  public Scenario scenario() {
    return new Scenario(id, description(), leaderboard, List.of(dataFile()));
  }

  private String description() {
    if (task == Task.STYLE) {
      return fewShotNum == 0
          ? "sentiment of '" + testCategory + "' sentences, zero-shot"
          : "sentiment of '" + testCategory + "' sentences, " + fewShotNum + " demonstrations from '"
              + demoCategory + "'";
    }
    if (fewShotNum == 0) {
      return (idk ? "multiple choice with an \"I don't know\" option on " : "multiple choice on ")
          + testCategory + " questions, zero-shot";
    }
    return "multiple choice on " + testCategory + " questions, " + fewShotNum
        + " demonstrations from '" + demoCategory + "'";
  }

  /**
   * The recording file name of this scenario for any model, relative to the OOD generations
   * folder (spec §2: {@code <s'>_<model>_standard_0-shot.jsonl}, …), the model part captured as
   * group 1.
   */
  public Pattern recordingPattern() {
    String model = "(.+)";
    String p;
    if (task == Task.STYLE && fewShotNum == 0) {
      String s =
          switch (testCategory) {
            case "augment" -> "aug";
            case "shake_w" -> "shake_pert";
            default -> testCategory;
          };
      p = "styles/" + Pattern.quote(s) + "_" + model + "_standard_0-shot\\.jsonl";
    } else if (task == Task.STYLE) {
      // spec §2: "ood" = demonstrations from base, "id" = demonstrations in the test set's style
      String kind = "base".equals(demoName) ? "ood" : "id";
      p = "styles/" + Pattern.quote(testCategory) + "_" + model + "_" + kind + "_8-shot_" + run + "\\.jsonl";
    } else if (fewShotNum == 0) {
      p = "knowledge/" + Pattern.quote(testCategory.replace("_", "")) + "_" + model + "_"
          + (idk ? "idk" : "standard") + "_0-shot\\.jsonl";
    } else {
      String d = "2021_qa".equals(demoName) ? "qa2021" : demoName;
      p = "knowledge/" + Pattern.quote(d) + "_" + Pattern.quote(testCategory.replace("_", "")) + "_" + model
          + "_" + fewShotNum + "-shot_" + run + "\\.jsonl";
    }
    return Pattern.compile(p);
  }

  /** How the recording file is named, for people ({@code <model>} in place of the model). */
  public String recordingDescription() {
    return recordingPattern().pattern().replace("(.+)", "<model>").replace("\\Q", "").replace("\\E", "")
        .replace("\\.", ".");
  }
}
