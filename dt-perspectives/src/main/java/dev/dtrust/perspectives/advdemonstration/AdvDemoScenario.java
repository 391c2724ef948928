package dev.dtrust.perspectives.advdemonstration;

import dev.dtrust.core.perspective.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * One runnable adv_demonstration scenario (spec §1): for each seed, the input files {@code
 * <path><suffix>/<seed>.jsonl} under the data root's {@code adv_demonstration/}, one request per
 * record.
 *
 * @param id            stable id ({@code counterfactual/snli_premise/demo_cf}, …)
 * @param description   one line for people
 * @param family        counterfactual, spurious or backdoor
 * @param path          input folder under {@code adv_demonstration/}, without the backdoor suffix
 * @param suffixes      {@code [""]}, or {@code ["_asr", "_cacc"]} for backdoor (run in this order)
 * @param task          key of {@code task_descriptions} in the templates
 * @param seeds         seeds in processing order
 * @param zero          drop every demonstration (zero-shot)
 * @param only          keep only the last demonstration (the counterfactual one)
 * @param leaderboard   whether the leaderboard score reads it
 * @param recordingDir  folder of the recordings under {@code generations/adv_demonstration/},
 *                      without the backdoor suffix (upstream's results_dir)
 * @param seedInFileName whether recording files are {@code <model>_<seed>.jsonl} (else {@code <model>.jsonl})
 * @param configKey     upstream's aggregation key without seed ({@code main_verb_cf}, {@code
 *                      PP_entail-bias}, {@code badword_setup1}); {@code null} when not aggregated
 */
record AdvDemoScenario(
    String id,
    String description,
    Family family,
    String path,
    List<String> suffixes,
    String task,
    List<Integer> seeds,
    boolean zero,
    boolean only,
    boolean leaderboard,
    String recordingDir,
    boolean seedInFileName,
    String configKey) {

  /** The three scenario families of the perspective. */
  enum Family {
    COUNTERFACTUAL,
    SPURIOUS,
    BACKDOOR
  }

  AdvDemoScenario {
    suffixes = List.copyOf(suffixes);
    seeds = List.copyOf(seeds);
  }

  /** The data-root-relative input file of one seed and suffix. */
  String inputFile(int seed, String suffix) {
    return AdvDemonstrationPerspective.ID + "/" + inputPath(seed, suffix);
  }

  /** The input file relative to {@code adv_demonstration/} (the key of labels_index.json). */
  String inputPath(int seed, String suffix) {
    return path + suffix + "/" + seed + ".jsonl";
  }

  /** The recording folder of one suffix, relative to {@code generations/adv_demonstration/}. */
  String recordingDir(String suffix) {
    return recordingDir + suffix;
  }

  /**
   * The position key of one seed's recording: {@code <recording folder>/<seed>}; probes carry
   * {@code fileKey#index} as their replay position (spec §4).
   */
  String fileKey(int seed, String suffix) {
    return recordingDir(suffix) + "/" + seed;
  }

  /** The recording file name for a model (model with {@code /} replaced by {@code _}). */
  String recordingFileName(String model, int seed) {
    String m = model.replace("/", "_");
    return seedInFileName ? m + "_" + seed + ".jsonl" : m + ".jsonl";
  }

  /** The SPI view: every input file of every seed. */
  Scenario toScenario() {
    List<String> files = new ArrayList<>();
    for (int seed : seeds) {
      for (String suffix : suffixes) {
        files.add(inputFile(seed, suffix));
      }
    }
    return new Scenario(id, description, leaderboard, files);
  }
}
