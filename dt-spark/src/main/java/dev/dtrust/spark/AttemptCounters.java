package dev.dtrust.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dtrust.core.engine.ResponseCache;
import dev.dtrust.core.engine.RunCounters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What each task attempt spent, kept beside its cache part as {@code parts/<writer>/counters.json}.
 * A failed attempt's result never reaches the driver, and Spark drops the accumulator updates of
 * failed tasks, but the requests it made were real: the driver adds the spending (requests,
 * retries, tokens, HTTP calls) of every attempt of its job that did not succeed. Probe counts
 * (answered, failed, cache hits) are not added: the successful retry answers those probes.
 */
final class AttemptCounters {
  static final String FILE = "counters.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private AttemptCounters() {}

  /** Writes an attempt's counters into its part folder, replacing the previous write. */
  static void write(Path partDir, RunCounters.Snapshot s) {
    ObjectNode o = JSON.createObjectNode()
        .put("planned", s.planned()).put("answered", s.answered()).put("failed", s.failed())
        .put("cacheHits", s.cacheHits()).put("requests", s.requests()).put("retries", s.retries())
        .put("promptTokens", s.promptTokens()).put("completionTokens", s.completionTokens())
        .put("httpCalls", s.httpCalls());
    try {
      Files.createDirectories(partDir);
      Path tmp = partDir.resolve(FILE + ".tmp");
      Files.write(tmp, JSON.writeValueAsBytes(o));
      try {
        Files.move(tmp, partDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, partDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the attempt counters in " + partDir, e);
    }
  }

  /**
   * The spending of the attempts of one job that are not among the successful ones.
   *
   * @param cacheDir  the shared cache folder
   * @param jobTag    the tag every writer name of the job contains
   * @param succeeded the writer names of the attempts whose results the driver collected
   */
  static List<RunCounters.Snapshot> unsuccessful(Path cacheDir, String jobTag, Set<String> succeeded) {
    Path parts = cacheDir.resolve(ResponseCache.PARTS);
    List<RunCounters.Snapshot> out = new ArrayList<>();
    if (!Files.isDirectory(parts)) {
      return out;
    }
    try (Stream<Path> dirs = Files.list(parts)) {
      for (Path dir : dirs.sorted().toList()) {
        String name = dir.getFileName().toString();
        Path file = dir.resolve(FILE);
        if (name.contains(jobTag) && !succeeded.contains(name) && Files.isRegularFile(file)) {
          out.add(spendingOnly(JSON.readTree(file.toFile())));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the attempt counters in " + parts, e);
    }
    return out;
  }

  private static RunCounters.Snapshot spendingOnly(JsonNode n) {
    return new RunCounters.Snapshot(0, 0, 0, 0, n.path("requests").asLong(), n.path("retries").asLong(),
        n.path("promptTokens").asLong(), n.path("completionTokens").asLong(), n.path("httpCalls").asLong());
  }
}
