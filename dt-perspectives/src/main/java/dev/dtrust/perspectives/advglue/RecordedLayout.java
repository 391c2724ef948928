package dev.dtrust.perspectives.advglue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Where upstream's result files sit: {@code <base>/<model…>/<scenario>.json}, the model id being
 * the folder path (often two folders deep, {@code openai/gpt-3.5-turbo-0301}). Model folders are
 * the parents of {@code *benign*.json} files, found recursively (spec §6.1, Q9).
 *
 * @param base         the perspective's recordings folder
 * @param modelDir     the chosen model folder
 * @param benignFile   the model folder's first benign file, or {@code null}
 * @param multiplicity how many times upstream lists the folder (its benign file count, at least 1)
 */
record RecordedLayout(Path base, Path modelDir, @Nullable Path benignFile, int multiplicity) {

  /**
   * The recordings folder under a generations folder: {@code advglue/} or upstream's
   * {@code adv-glue-plus-plus/} when present, else the folder itself.
   */
  static Path base(Path generations) {
    for (String name : new String[] {AdvGluePerspective.ID, "adv-glue-plus-plus"}) {
      if (Files.isDirectory(generations.resolve(name))) {
        return generations.resolve(name);
      }
    }
    return generations;
  }

  /** Finds the model folder; {@code model} (relative to the base) chooses when there are several. */
  static RecordedLayout find(Path generations, @Nullable String model) throws IOException {
    Path base = base(generations);
    List<Path> benign;
    try (Stream<Path> s = Files.walk(base)) {
      benign = s.filter(Files::isRegularFile).filter(RecordedLayout::isBenign).sorted().toList();
    }
    Map<Path, List<Path>> dirs = new LinkedHashMap<>();
    for (Path b : benign) {
      dirs.computeIfAbsent(b.getParent(), k -> new ArrayList<>()).add(b);
    }
    if (dirs.isEmpty()) {
      // Deviation (documented): with no benign file upstream finds no model; we accept a folder
      // holding base-model result files, scored without the benign scenario.
      for (Path f : resultFiles(base)) {
        dirs.computeIfAbsent(f.getParent(), k -> new ArrayList<>());
      }
    }
    if (model != null) {
      Path wanted = base.resolve(model).normalize();
      if (!dirs.containsKey(wanted)) {
        throw new IllegalArgumentException(
            "advglue.model=" + model + ": no advglue result files in " + wanted + "; found " + names(base, dirs));
      }
      dirs.keySet().retainAll(List.of(wanted));
    }
    if (dirs.isEmpty()) {
      throw new IllegalArgumentException(
          "advglue: no result files (*benign*.json, <base>-demo.json) under " + base);
    }
    if (dirs.size() > 1) {
      throw new IllegalArgumentException(
          "advglue: recordings of several models under " + base + ": " + names(base, dirs)
              + "; choose one with --option advglue.model=<folder>");
    }
    Map.Entry<Path, List<Path>> e = dirs.entrySet().iterator().next();
    List<Path> files = e.getValue();
    return new RecordedLayout(base, e.getKey(), files.isEmpty() ? null : files.get(0), Math.max(1, files.size()));
  }

  private static List<String> names(Path base, Map<Path, List<Path>> dirs) {
    return dirs.keySet().stream().map(d -> relative(base, d)).toList();
  }

  private static String relative(Path base, Path dir) {
    StringBuilder b = new StringBuilder();
    for (Path part : base.relativize(dir)) {
      if (b.length() > 0) {
        b.append('/');
      }
      b.append(part);
    }
    return b.toString();
  }

  /**
   * upstream's TargetModel: the model folder with the results prefix removed, so it starts with
   * {@code /} (Q11); the folder's own name when the base is the model folder.
   */
  String targetModel() {
    String rel = relative(base, modelDir);
    return "/" + (rel.isEmpty() ? modelDir.getFileName().toString() : rel);
  }

  /** A path as reports show it: relative to the base's parent. */
  String display(Path file) {
    Path root = base.getParent() == null ? base : base.getParent();
    return root.relativize(file).toString().replace('\\', '/');
  }

  static boolean isBenign(Path file) {
    String n = file.getFileName().toString();
    return n.endsWith(".json") && n.contains("benign");
  }

  static boolean isBaseModelFile(Path file) {
    String n = file.getFileName().toString();
    for (String base : AdvGluePerspective.BASE_MODELS) {
      if (n.equals(base + "-demo.json") || n.equals(base + ".json")) {
        return true;
      }
    }
    return false;
  }

  /** Every result file under a base (benign and base-model files), sorted. */
  static List<Path> resultFiles(Path base) throws IOException {
    try (Stream<Path> s = Files.walk(base)) {
      return s.filter(Files::isRegularFile).filter(f -> isBenign(f) || isBaseModelFile(f)).sorted().toList();
    }
  }
}
