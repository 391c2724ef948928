package dev.dtrust.core.datainit;

import dev.dtrust.core.json.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code dt data init}: copies upstream's {@code data/} into a data root and writes
 * {@code templates/<perspective>.json} for all perspectives (data-init.md).
 */
public final class DataInit {

  /**
   * What to do.
   *
   * @param from the upstream checkout
   * @param to the data root to create or update
   * @param withGenerations also copy recordings ({@code generations/} folders)
   * @param allowDrift write drifted values instead of failing
   * @param skipLegacy leave the legacy machine-ethics prompts null (checkout without history)
   * @param copyData copy {@code data/} (false: templates only)
   */
  public record Options(Path from, Path to, boolean withGenerations, boolean allowDrift, boolean skipLegacy,
      boolean copyData) {}

  /**
   * What was done.
   *
   * @param filesCopied data files copied
   * @param templates templates files written
   * @param drifts drifted pointers written under allowDrift
   */
  public record Summary(long filesCopied, List<Path> templates, List<Drift> drifts) {}

  private DataInit() {}

  /** Runs the command; templates are all built before anything is written. */
  public static Summary run(Options o) {
    TemplateBuilder builder = new TemplateBuilder(new Checkout(o.from()), SourceMap.load(), o.allowDrift(),
        o.skipLegacy());
    List<TemplateBuilder.Result> results = new ArrayList<>();
    for (String p : SourceMap.PERSPECTIVES) {
      results.add(builder.build(p));
    }
    long copied = o.copyData() ? copyData(o.from().resolve("data"), o.to(), o.withGenerations()) : 0;
    List<Path> written = new ArrayList<>();
    List<Drift> drifts = new ArrayList<>();
    try {
      Path dir = o.to().resolve("templates");
      Files.createDirectories(dir);
      for (int i = 0; i < results.size(); i++) {
        Path f = dir.resolve(SourceMap.PERSPECTIVES.get(i) + ".json");
        Files.writeString(f, JsonWriter.pretty().write(results.get(i).document()) + "\n", StandardCharsets.UTF_8);
        written.add(f);
        drifts.addAll(results.get(i).drifts());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Summary(copied, written, drifts);
  }

  /** Copies {@code data/} to the root, skipping {@code generations/} folders unless asked. */
  static long copyData(Path data, Path to, boolean withGenerations) {
    if (!Files.isDirectory(data)) {
      throw new dev.dtrust.core.data.DataException(data.toString(), 0, null,
          "no data/ folder: --from must be a DecodingTrust checkout");
    }
    long[] n = {0};
    try {
      Files.walkFileTree(data, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
          if (!withGenerations && dir.getFileName().toString().equals("generations") && !dir.equals(data)) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          Files.createDirectories(to.resolve(data.relativize(dir).toString()));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.copy(file, to.resolve(data.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
          n[0]++;
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return n[0];
  }
}
