package dev.dtrust.perspectives.starter;

import dev.dtrust.core.Perspectives;
import dev.dtrust.core.perspective.Perspective;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's own small data root for {@code dt demo}: a few mild items per perspective, written
 * for this project (never upstream's data or sentences), in the data-root layout. Each perspective
 * lists its files in {@code dev/dtrust/starter/<id>.files}; the files live under {@code
 * dev/dtrust/starter/root/}.
 */
public final class StarterPack {
  private static final String BASE = "dev/dtrust/starter/";

  private StarterPack() {}

  /** The ids of the perspectives that have starter files, in leaderboard order. */
  public static List<String> perspectives() {
    List<String> out = new ArrayList<>();
    for (Perspective p : Perspectives.all()) {
      if (resource(BASE + p.id() + ".files") != null) {
        out.add(p.id());
      }
    }
    return out;
  }

  /** Copies the starter data root into a folder and returns it. */
  public static Path extractTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (String id : perspectives()) {
      for (String rel : list(id)) {
        Path target = dir.resolve(rel).normalize();
        if (!target.startsWith(dir.normalize())) {
          throw new IllegalStateException("starter file escapes the root: " + rel);
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = resource(BASE + "root/" + rel)) {
          if (in == null) {
            throw new IllegalStateException("starter pack lists " + rel + " but the jar lacks it");
          }
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return dir;
  }

  private static List<String> list(String id) throws IOException {
    List<String> out = new ArrayList<>();
    try (InputStream in = resource(BASE + id + ".files");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        line = line.strip();
        if (!line.isEmpty() && !line.startsWith("#")) {
          out.add(line);
        }
      }
    }
    return out;
  }

  private static InputStream resource(String name) {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    InputStream in = cl == null ? null : cl.getResourceAsStream(name);
    return in != null ? in : StarterPack.class.getClassLoader().getResourceAsStream(name);
  }
}
