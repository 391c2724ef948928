package dev.dtrust.core.datainit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code dt data check}: every file each selected scenario needs is present and parses, and every
 * sentence leaf of {@code templates/<perspective>.json} is filled.
 */
public final class DataCheck {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DataCheck() {}

  /**
   * One problem found.
   *
   * @param file the data-root-relative file
   * @param where scenario id or JSON pointer
   * @param problem what is wrong
   */
  public record Problem(String file, String where, String problem) {
    /** One line for users. */
    public String describe() {
      return file + (where == null ? "" : " [" + where + "]") + ": " + problem;
    }
  }

  /**
   * Checks a data root.
   *
   * @param root the data root
   * @param scenarioFiles per perspective id, per scenario id, the files it reads
   * @return the problems, empty when the root is usable
   */
  public static List<Problem> check(Path root, Map<String, Map<String, List<String>>> scenarioFiles) {
    List<Problem> out = new ArrayList<>();
    SourceMap map = SourceMap.load();
    for (Map.Entry<String, Map<String, List<String>>> p : scenarioFiles.entrySet()) {
      if (SourceMap.PERSPECTIVES.contains(p.getKey())) {
        templates(root, p.getKey(), map, out);
      }
      for (Map.Entry<String, List<String>> s : p.getValue().entrySet()) {
        for (String f : s.getValue()) {
          String problem = fileProblem(root.resolve(f));
          if (problem != null) {
            out.add(new Problem(f, p.getKey() + "/" + s.getKey(), problem));
          }
        }
      }
    }
    return out;
  }

  private static void templates(Path root, String perspective, SourceMap map, List<Problem> out) {
    String rel = "templates/" + perspective + ".json";
    Path f = root.resolve(rel);
    if (!Files.isRegularFile(f)) {
      out.add(new Problem(rel, null, "missing (run dt data init --from <DecodingTrust checkout> --to " + root + ")"));
      return;
    }
    Object doc;
    try {
      doc = JSON.readValue(f.toFile(), Object.class);
    } catch (IOException e) {
      out.add(new Problem(rel, null, "not JSON: " + e.getMessage().lines().findFirst().orElse("")));
      return;
    }
    List<MapEntry> entries = map.entries(perspective);
    for (List<String> leaf : JsonPaths.leaves(doc)) {
      if (JsonPaths.get(doc, leaf) != null) {
        continue;
      }
      MapEntry owner = TemplateBuilder.owner(entries, leaf);
      if (owner != null && "sentence".equals(TemplateBuilder.classOf(owner, leaf))) {
        out.add(new Problem(rel, JsonPaths.pointer(leaf), "sentence not filled"
            + (owner.legacy() ? " (legacy prompt: init from a clone with history, without --skip-legacy)" : "")));
      }
    }
  }

  /** Null when the file is present and parses as its extension says. */
  static String fileProblem(Path f) {
    if (!Files.isRegularFile(f)) {
      return "missing";
    }
    String name = f.getFileName().toString();
    try {
      if (name.endsWith(".json")) {
        JSON.readTree(f.toFile());
      } else if (name.endsWith(".jsonl")) {
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
          String line;
          int n = 0;
          while ((line = r.readLine()) != null) {
            n++;
            if (!line.isBlank()) {
              try {
                JSON.readTree(line);
              } catch (IOException e) {
                return "line " + n + " is not JSON: " + e.getMessage().lines().findFirst().orElse("");
              }
            }
          }
        }
      } else if (Files.size(f) == 0) {
        return "empty";
      }
      if (isLfsPointer(f)) {
        return "a Git LFS pointer, not the data (run git lfs pull in the checkout, then dt data init again)";
      }
    } catch (IOException e) {
      String first = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      return isLfsPointer(f)
          ? "a Git LFS pointer, not the data (run git lfs pull in the checkout, then dt data init again)"
          : "does not parse: " + first;
    }
    return null;
  }

  private static boolean isLfsPointer(Path f) {
    try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.ISO_8859_1)) {
      String first = r.readLine();
      return first != null && first.startsWith("version https://git-lfs.github.com/spec/");
    } catch (IOException e) {
      return false;
    }
  }
}
