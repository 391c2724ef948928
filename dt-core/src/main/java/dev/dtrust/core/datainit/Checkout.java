package dev.dtrust.core.datainit;

import dev.dtrust.core.data.DataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** An upstream DecodingTrust checkout: files of the working tree, or at a git revision via {@code git show}. */
public final class Checkout {
  private final Path dir;
  private final Map<String, String> cache = new HashMap<>();

  /** A checkout directory. */
  public Checkout(Path dir) {
    this.dir = dir;
  }

  /** The checkout directory. */
  public Path dir() {
    return dir;
  }

  /** The text of {@code file} in the working tree ({@code rev} null) or at {@code rev}. */
  public String read(String file, String rev) {
    String key = (rev == null ? "" : rev) + ":" + file;
    String hit = cache.get(key);
    if (hit != null) {
      return hit;
    }
    String text = rev == null ? readWorkingTree(file) : gitShow(rev, file);
    cache.put(key, text);
    return text;
  }

  private String readWorkingTree(String file) {
    Path p = dir.resolve(file);
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DataException(p.toString(), 0, null, "cannot read upstream source: " + e.getMessage(), e);
    }
  }

  private String gitShow(String rev, String file) {
    try {
      Process p = new ProcessBuilder("git", "-C", dir.toString(), "show", rev + ":" + file)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new DataException(dir + " (git " + rev + ")", 0, file,
            "git show " + rev + ":" + file + " failed: the checkout must be a git clone with upstream's history"
                + " (or pass --skip-legacy)");
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
