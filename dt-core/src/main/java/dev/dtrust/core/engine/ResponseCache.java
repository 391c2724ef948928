package dev.dtrust.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtrust.core.json.JsonWriter;
import dev.dtrust.core.model.ChatResponse;
import dev.dtrust.core.model.Choice;
import dev.dtrust.core.model.Usage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A persistent response cache: one append-only JSON Lines file ({@code responses.jsonl}) in a
 * folder (plus one per concurrent writer under {@code parts/}, see {@link #openPart}), one record per answered probe, keyed by {@link ProbeKey}. Records are written as soon
 * as they are answered and forced to disk in batches; a torn last line after a crash is skipped.
 * Thread-safe.
 */
public final class ResponseCache implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ResponseCache.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonWriter WRITER = JsonWriter.canonical();
  /** Records between forced writes. */
  private static final int SYNC_EVERY = 64;

  private final Map<String, ChatResponse> entries = new ConcurrentHashMap<>();
  private final @Nullable FileChannel channel;
  private final Path file;
  private int unsynced;

  private ResponseCache(Path file, @Nullable FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /** A cache kept only in memory. */
  public static ResponseCache inMemory() {
    return new ResponseCache(Path.of("(memory)"), null);
  }

  /** The folder, inside a cache folder, that holds one append-only file per concurrent writer. */
  public static final String PARTS = "parts";

  /**
   * Opens (or creates) the cache in a folder, loading what earlier runs answered: its own
   * {@code responses.jsonl} and, read-only, every {@code parts/<writer>/responses.jsonl} that
   * concurrent writers (e.g. Spark executors, see {@link #openPart}) left there.
   */
  public static ResponseCache open(Path dir) throws IOException {
    Files.createDirectories(dir);
    ResponseCache cache = openFile(dir.resolve("responses.jsonl"));
    cache.loadParts(dir.resolve(PARTS), null);
    return cache;
  }

  /**
   * Opens the cache of one concurrent writer: reads the union of the folder's {@code
   * responses.jsonl} and every part, and appends only to {@code parts/<writer>/responses.jsonl},
   * so writers never share a file. Give each concurrent writer (each task attempt) its own name.
   *
   * @param dir    the cache folder
   * @param writer the writer's name, a single path segment
   */
  public static ResponseCache openPart(Path dir, String writer) throws IOException {
    if (writer.isEmpty() || writer.contains("/") || writer.contains("\\") || writer.startsWith(".")) {
      throw new IllegalArgumentException("a cache writer name must be one path segment, was '" + writer + "'");
    }
    Path own = dir.resolve(PARTS).resolve(writer);
    Files.createDirectories(own);
    ResponseCache cache = openFile(own.resolve("responses.jsonl"));
    Path shared = dir.resolve("responses.jsonl");
    if (Files.exists(shared)) {
      cache.loadReadOnly(shared);
    }
    cache.loadParts(dir.resolve(PARTS), writer);
    return cache;
  }

  private void loadParts(Path parts, @Nullable String except) throws IOException {
    if (!Files.isDirectory(parts)) {
      return;
    }
    List<Path> files = new ArrayList<>();
    try (var dirs = Files.list(parts)) {
      dirs.filter(p -> except == null || !p.getFileName().toString().equals(except))
          .map(p -> p.resolve("responses.jsonl"))
          .filter(Files::isRegularFile)
          .sorted()
          .forEach(files::add);
    }
    for (Path f : files) {
      loadReadOnly(f);
    }
  }

  /** Loads another writer's file without touching it; a torn last line (still being written) is skipped. */
  private void loadReadOnly(Path other) throws IOException {
    byte[] all = Files.readAllBytes(other);
    loadLines(other, all, completeLines(all));
  }

  private static int completeLines(byte[] all) {
    int good = 0;
    for (int i = 0; i < all.length; i++) {
      if (all[i] == '\n') {
        good = i + 1;
      }
    }
    return good;
  }

  private static ResponseCache openFile(Path file) throws IOException {
    if (!Files.exists(file)) {
      return new ResponseCache(file, FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE));
    }
    byte[] all = Files.readAllBytes(file);
    int goodBytes = completeLines(all);
    if (goodBytes < all.length) {
      LOG.warn("{}: skipping a torn last line ({} bytes)", file, all.length - goodBytes);
    }
    FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE);
    ch.truncate(goodBytes);
    ch.position(goodBytes);
    ResponseCache cache = new ResponseCache(file, ch);
    cache.loadLines(file, all, goodBytes);
    return cache;
  }

  private void loadLines(Path file, byte[] all, int goodBytes) {
    int lineNo = 0;
    int start = 0;
    for (int i = 0; i < goodBytes; i++) {
      if (all[i] != '\n') {
        continue;
      }
      lineNo++;
      String line = new String(all, start, i - start, StandardCharsets.UTF_8);
      start = i + 1;
      if (line.isBlank()) {
        continue;
      }
      try {
        load(MAPPER.readTree(line));
      } catch (IOException | RuntimeException e) {
        LOG.warn("{}:{}: skipping an unreadable cache record", file, lineNo);
      }
    }
  }

  private void load(JsonNode n) {
    String key = n.get("key").asText();
    List<Choice> choices = new ArrayList<>();
    for (JsonNode c : n.get("choices")) {
      JsonNode fr = c.get("finishReason");
      choices.add(new Choice(c.get("text").asText(), fr == null || fr.isNull() ? null : fr.asText()));
    }
    JsonNode u = n.get("usage");
    Usage usage = u == null ? Usage.NONE : new Usage(u.path("prompt").asLong(), u.path("completion").asLong());
    Map<String, String> meta = new LinkedHashMap<>();
    JsonNode m = n.get("metadata");
    if (m != null) {
      m.fields().forEachRemaining(e -> meta.put(e.getKey(), e.getValue().asText()));
    }
    entries.put(key, new ChatResponse(choices, usage, meta));
  }

  /** The cached response of a key, or {@code null}. */
  public @Nullable ChatResponse get(String key) {
    return entries.get(key);
  }

  /** Number of cached responses. */
  public int size() {
    return entries.size();
  }

  /** Stores a response and appends it to the file. */
  public void put(String key, ChatResponse response) {
    if (entries.putIfAbsent(key, response) != null || channel == null) {
      return;
    }
    Map<String, Object> rec = new LinkedHashMap<>();
    rec.put("key", key);
    List<Object> choices = new ArrayList<>();
    for (Choice c : response.choices()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("text", c.text());
      o.put("finishReason", c.finishReason());
      choices.add(o);
    }
    rec.put("choices", choices);
    rec.put("usage", Map.of("prompt", response.usage().promptTokens(), "completion", response.usage().completionTokens()));
    if (!response.metadata().isEmpty()) {
      rec.put("metadata", response.metadata());
    }
    byte[] line = (WRITER.write(rec) + "\n").getBytes(StandardCharsets.UTF_8);
    synchronized (this) {
      try {
        ByteBuffer buf = ByteBuffer.wrap(line);
        while (buf.hasRemaining()) {
          channel.write(buf);
        }
        if (++unsynced >= SYNC_EVERY) {
          channel.force(false);
          unsynced = 0;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the response cache " + file, e);
      }
    }
  }

  /** Forces what was written to disk. */
  public synchronized void flush() {
    if (channel != null && unsynced > 0) {
      try {
        channel.force(false);
        unsynced = 0;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the response cache " + file, e);
      }
    }
  }

  @Override
  public synchronized void close() {
    flush();
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
