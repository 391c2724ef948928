package dev.dtrust.perspectives.stereotype;

import dev.dtrust.core.data.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds a model's recorded stereotype files: {@code [stereotype/]<org>/<scenario>/<model>_<topic>.csv}
 * (spec stereotype §8). The model name is the file-name part before {@code _<topic>.csv}.
 *
 * @param org    the organisation folder ({@code openai})
 * @param model  the model name ({@code gpt-3.5-turbo-0301})
 * @param files  per scenario, per topic, the file
 */
public record RecordedFiles(String org, String model, Map<String, Map<String, Path>> files) {

  /** The leaderboard's model key, {@code org/model}. */
  public String modelKey() {
    return org.isEmpty() ? model : org + "/" + model;
  }

  /**
   * Finds the files under a generations folder (the root holding {@code stereotype/}, or the
   * stereotype folder itself). With several models, {@code model} picks one (null: exactly one must
   * be present).
   */
  public static RecordedFiles find(Path dir, List<String> scenarios, List<String> topics, String model) throws IOException {
    Path base = Files.isDirectory(dir.resolve("stereotype")) ? dir.resolve("stereotype") : dir;
    Map<String, Map<String, Map<String, Path>>> byModel = new TreeMap<>();
    Map<String, String> orgOf = new TreeMap<>();
    try (Stream<Path> s = Files.walk(base)) {
      for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
        String name = p.getFileName().toString();
        Path parent = p.getParent();
        if (!name.endsWith(".csv") || parent == null || !scenarios.contains(parent.getFileName().toString())) {
          continue;
        }
        String topic = null;
        for (String t : topics) {
          if (name.endsWith("_" + t + ".csv") && (topic == null || t.length() > topic.length())) {
            topic = t;
          }
        }
        if (topic == null) {
          continue;
        }
        String m = name.substring(0, name.length() - topic.length() - 5);
        Path orgDir = parent.getParent();
        String org = orgDir == null || orgDir.equals(base.getParent()) || orgDir.equals(base) ? "" : orgDir.getFileName().toString();
        byModel.computeIfAbsent(m, k -> new LinkedHashMap<>())
            .computeIfAbsent(parent.getFileName().toString(), k -> new TreeMap<>())
            .put(topic, p);
        orgOf.put(m, org);
      }
    }
    if (byModel.isEmpty()) {
      throw new DataException(dir.toString(), 0, null, "no recorded stereotype files (<org>/<scenario>/<model>_<topic>.csv)");
    }
    String chosen = model;
    if (chosen == null) {
      if (byModel.size() > 1) {
        throw new DataException(dir.toString(), 0, null,
            "recordings of several models " + new TreeSet<>(byModel.keySet()) + ": choose one with --option stereotype.model=<name>");
      }
      chosen = byModel.keySet().iterator().next();
    } else if (!byModel.containsKey(chosen)) {
      throw new DataException(dir.toString(), 0, null, "no recordings of model " + chosen + "; found " + byModel.keySet());
    }
    Map<String, Map<String, Path>> files = new LinkedHashMap<>();
    for (String sc : scenarios) {
      Map<String, Path> f = byModel.get(chosen).get(sc);
      if (f != null) {
        files.put(sc, f);
      }
    }
    return new RecordedFiles(orgOf.get(chosen), chosen, files);
  }

  /** Every file, in scenario then topic order. */
  public List<Path> all() {
    List<Path> out = new ArrayList<>();
    files.values().forEach(m -> out.addAll(m.values()));
    return out;
  }
}
