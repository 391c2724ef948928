package dev.dtrust.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtrust.core.json.JsonWriter;
import dev.dtrust.core.json.Sha256;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A persistent response cache: one append-only JSON Lines file ({@code responses.jsonl}) in a
 * folder (plus one per concurrent writer under {@code parts/}, see {@link #openPart}), one record
 * per answered probe, keyed by {@link ProbeKey}. Records are written as soon as they are answered
 * and forced to disk in batches; a torn last line after a crash is skipped. Thread-safe.
 *
 * <p>Only an index is kept in memory: the key's 32 digest bytes and where its record sits in which
 * file (a {@link DigestTable} and three arrays, ~70–120 bytes per record); a hit reads its record back
 * from the file. A full evaluation answers ~600,000 probes, whose texts do not fit in a small heap.
 * {@link #inMemory()} is the same over a temporary file that is deleted on close.
 */
public final class ResponseCache implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ResponseCache.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonWriter WRITER = JsonWriter.canonical();
  /** Records between forced writes. */
  private static final int SYNC_EVERY = 64;
  private static final int READ_CHUNK = 1 << 16;

  /** Digest of the key → record id; guarded by {@code this}. */
  private final DigestTable index = new DigestTable();
  /** Per record id: the file (index into {@link #files}), the offset and the length of its line. */
  private short[] fileOf = new short[64];
  private long[] offsetOf = new long[64];
  private int[] lengthOf = new int[64];
  private final List<FileChannel> files = new ArrayList<>();

  private final @Nullable FileChannel channel;
  private final Path file;
  private final boolean durable;
  private int unsynced;

  private ResponseCache(Path file, @Nullable FileChannel channel, boolean durable) {
    this.file = file;
    this.channel = channel;
    this.durable = durable;
    if (channel != null) {
      files.add(channel);
    }
  }

  /**
   * A cache for one run only: records go to a temporary file (deleted on close) and only the index
   * stays in memory.
   */
  public static ResponseCache inMemory() {
    try {
      Path tmp = Files.createTempFile("dtrust-responses-", ".jsonl");
      FileChannel ch = FileChannel.open(tmp, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
      return new ResponseCache(tmp, ch, false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary response cache file", e);
    }
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
    List<Path> found = new ArrayList<>();
    try (var dirs = Files.list(parts)) {
      dirs.filter(p -> except == null || !p.getFileName().toString().equals(except))
          .map(p -> p.resolve("responses.jsonl"))
          .filter(Files::isRegularFile)
          .sorted()
          .forEach(found::add);
    }
    for (Path f : found) {
      loadReadOnly(f);
    }
  }

  /** Loads another writer's file without touching it; a torn last line (still being written) is skipped. */
  private void loadReadOnly(Path other) throws IOException {
    FileChannel ch = FileChannel.open(other, StandardOpenOption.READ);
    synchronized (this) {
      files.add(ch);
    }
    loadLines(other, ch, files.size() - 1);
  }

  private static ResponseCache openFile(Path file) throws IOException {
    if (!Files.exists(file)) {
      return new ResponseCache(
          file, FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE), true);
    }
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    ResponseCache cache = new ResponseCache(file, ch, true);
    long goodBytes = cache.loadLines(file, ch, 0);
    long size = ch.size();
    if (goodBytes < size) {
      LOG.warn("{}: skipping a torn last line ({} bytes)", file, size - goodBytes);
    }
    ch.truncate(goodBytes);
    ch.position(goodBytes);
    return cache;
  }

  /**
   * Indexes the complete lines of a file, streaming it in chunks (a cache file can be far larger
   * than the heap); returns the bytes up to the end of the last complete line.
   */
  private long loadLines(Path path, FileChannel ch, int fileId) throws IOException {
    long size = ch.size();
    ByteBuffer chunk = ByteBuffer.allocate(READ_CHUNK);
    byte[] line = new byte[1024];
    int lineLength = 0;
    long lineStart = 0;
    long pos = 0;
    int lineNo = 0;
    while (pos < size) {
      chunk.clear();
      int n = ch.read(chunk, pos);
      if (n <= 0) {
        break;
      }
      byte[] bytes = chunk.array();
      for (int i = 0; i < n; i++) {
        byte b = bytes[i];
        if (b != '\n') {
          if (lineLength == line.length) {
            line = Arrays.copyOf(line, line.length * 2);
          }
          line[lineLength++] = b;
          continue;
        }
        lineNo++;
        indexLine(path, lineNo, fileId, lineStart, line, lineLength);
        lineStart = pos + i + 1;
        lineLength = 0;
      }
      pos += n;
    }
    return lineStart;
  }

  private void indexLine(Path path, int lineNo, int fileId, long offset, byte[] line, int length) {
    if (new String(line, 0, length, StandardCharsets.UTF_8).isBlank()) {
      return;
    }
    String key;
    try {
      JsonNode n = MAPPER.readTree(line, 0, length);
      key = n.get("key").asText();
      toResponse(n); // a record that would not load is skipped here, not at the first hit
    } catch (IOException | RuntimeException e) {
      LOG.warn("{}:{}: skipping an unreadable cache record", path, lineNo);
      return;
    }
    // a later record of the same key wins, as it did when every record was loaded into a map
    synchronized (this) {
      int id = index.get(digest(key));
      record(id == DigestTable.ABSENT ? newId(key) : id, fileId, offset, length);
    }
  }

  private int newId(String key) {
    int id = index.size();
    index.put(digest(key), id);
    if (id == offsetOf.length) {
      int cap = offsetOf.length * 2;
      fileOf = Arrays.copyOf(fileOf, cap);
      offsetOf = Arrays.copyOf(offsetOf, cap);
      lengthOf = Arrays.copyOf(lengthOf, cap);
    }
    return id;
  }

  private void record(int id, int fileId, long offset, int length) {
    fileOf[id] = (short) fileId;
    offsetOf[id] = offset;
    lengthOf[id] = length;
  }

  /** The 32 bytes a key is indexed by: a {@link ProbeKey} is SHA-256 hex already; any other key is hashed. */
  private static byte[] digest(String key) {
    if (key.length() == 64 && isHex(key)) {
      return DigestTable.fromHex(key);
    }
    return Sha256.digest().digest(key.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean isHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static ChatResponse toResponse(JsonNode n) {
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
    return new ChatResponse(choices, usage, meta);
  }

  /** The cached response of a key, or {@code null}. */
  public @Nullable ChatResponse get(String key) {
    FileChannel ch;
    long offset;
    int length;
    synchronized (this) {
      int id = index.get(digest(key));
      if (id == DigestTable.ABSENT) {
        return null;
      }
      ch = files.get(fileOf[id]);
      offset = offsetOf[id];
      length = lengthOf[id];
    }
    ByteBuffer buf = ByteBuffer.allocate(length);
    try {
      while (buf.hasRemaining()) {
        if (ch.read(buf, offset + buf.position()) < 0) {
          throw new IOException("unexpected end of file");
        }
      }
      return toResponse(MAPPER.readTree(buf.array()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a record of the response cache " + file, e);
    }
  }

  /** Number of cached responses. */
  public synchronized int size() {
    return index.size();
  }

  /** Stores a response and appends it to the file. */
  public void put(String key, ChatResponse response) {
    if (channel == null) {
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
    byte[] digest = digest(key);
    boolean sync = false;
    try {
      synchronized (this) {
        if (index.get(digest) != DigestTable.ABSENT) {
          return;
        }
        long offset = channel.position();
        ByteBuffer buf = ByteBuffer.wrap(line);
        while (buf.hasRemaining()) {
          channel.write(buf);
        }
        record(newId(key), 0, offset, line.length - 1);
        if (durable && ++unsynced >= SYNC_EVERY) {
          unsynced = 0;
          sync = true;
        }
      }
      if (sync) {
        // outside the lock: the other writers go on appending while the disk catches up
        channel.force(false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the response cache " + file, e);
    }
  }

  /** Forces what was written to disk. */
  public synchronized void flush() {
    if (channel != null && durable && unsynced > 0) {
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
    IOException failure = null;
    for (FileChannel ch : files) {
      try {
        ch.close();
      } catch (IOException e) {
        failure = e;
      }
    }
    files.clear();
    if (failure != null) {
      throw new UncheckedIOException(failure);
    }
  }
}
