package dev.dtrust.perspectives.advdemonstration;

import dev.dtrust.core.data.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Where a model's recordings are: {@code <perspective folder>/<recording dir>/<model>_<seed>.jsonl}
 * (spec §4). The perspective folder is the generations root's {@code adv_demonstration/}, or the
 * given folder itself. The model is the file-name part before {@code _<seed>}; with several models
 * recorded side by side one must be chosen (option {@code model}).
 */
final class RecordingLayout {
  private static final Pattern SEEDED = Pattern.compile("(.+)_(\\d+)\\.jsonl");

  private final Path folder;
  private final String model;

  private RecordingLayout(Path folder, String model) {
    this.folder = folder;
    this.model = model;
  }

  /** The perspective's recordings folder under a generations root (either form). */
  static Path perspectiveFolder(Path generationsRoot) {
    Path inner = generationsRoot.resolve(AdvDemonstrationPerspective.ID);
    return Files.isDirectory(inner) ? inner : generationsRoot;
  }

  /**
   * The layout of a generations root for the given scenarios; {@code model} (nullable) names the
   * model whose files to read, else the only model recorded there.
   */
  static RecordingLayout open(Path generationsRoot, List<AdvDemoScenario> scenarios, @Nullable String model)
      throws IOException {
    Path folder = perspectiveFolder(generationsRoot);
    if (!Files.isDirectory(folder)) {
      throw new DataException(generationsRoot.toString(), 0, null, "recordings folder not found");
    }
    if (model != null && !model.isBlank()) {
      return new RecordingLayout(folder, model.trim());
    }
    Set<String> models = new TreeSet<>();
    for (AdvDemoScenario s : scenarios) {
      for (String suffix : s.suffixes()) {
        Path dir = folder.resolve(s.recordingDir(suffix));
        if (!Files.isDirectory(dir)) {
          continue;
        }
        try (Stream<Path> files = Files.list(dir)) {
          for (Path f : (Iterable<Path>) files::iterator) {
            String name = f.getFileName().toString();
            if (!name.endsWith(".jsonl")) {
              continue;
            }
            if (s.seedInFileName()) {
              Matcher m = SEEDED.matcher(name);
              if (m.matches() && s.seeds().contains(Integer.parseInt(m.group(2)))) {
                models.add(m.group(1));
              }
            } else {
              models.add(name.substring(0, name.length() - ".jsonl".length()));
            }
          }
        }
      }
    }
    if (models.size() > 1) {
      throw new DataException(folder.toString(), 0, "model",
          "recordings of several models " + models + "; choose one with the option adv_demonstration.model=<name>");
    }
    return new RecordingLayout(folder, models.isEmpty() ? "" : models.iterator().next());
  }

  /** The model whose recordings are read ({@code ""} when none was found). */
  String model() {
    return model;
  }

  /** The perspective's recordings folder. */
  Path folder() {
    return folder;
  }

  /** The recording file of one seed and suffix, relative to the recordings folder. */
  String relative(AdvDemoScenario s, int seed, String suffix) {
    return s.recordingDir(suffix) + "/" + s.recordingFileName(model, seed);
  }

  /** The recording file of one seed and suffix, if it exists. */
  @Nullable Path file(AdvDemoScenario s, int seed, String suffix) {
    if (model.isEmpty()) {
      return null;
    }
    Path p = folder.resolve(relative(s, seed, suffix));
    return Files.isRegularFile(p) ? p : null;
  }
}
