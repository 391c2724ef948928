package dev.dtrust.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtrust.core.json.JsonWriter;
import dev.dtrust.core.model.ChatResponse;
import dev.dtrust.core.model.Choice;
import dev.dtrust.core.model.Usage;
import java.io.BufferedReader;
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
 * folder, one record per answered probe, keyed by {@link ProbeKey}. Records are written as soon
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

  /** Opens (or creates) the cache in a folder, loading what earlier runs answered. */
  public static ResponseCache open(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("responses.jsonl");
    ResponseCache cache;
    if (Files.exists(file)) {
      long goodBytes = 0;
      List<String> lines = new ArrayList<>();
      byte[] all = Files.readAllBytes(file);
      int start = 0;
      for (int i = 0; i < all.length; i++) {
        if (all[i] == '\n') {
          lines.add(new String(all, start, i - start, StandardCharsets.UTF_8));
          start = i + 1;
          goodBytes = start;
        }
      }
      if (start < all.length) {
        LOG.warn("{}: skipping a torn last line ({} bytes)", file, all.length - start);
      }
      FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE);
      ch.truncate(goodBytes);
      ch.position(goodBytes);
      cache = new ResponseCache(file, ch);
      int lineNo = 0;
      for (String line : lines) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        try {
          cache.load(MAPPER.readTree(line));
        } catch (IOException | RuntimeException e) {
          LOG.warn("{}:{}: skipping an unreadable cache record", file, lineNo);
        }
      }
    } else {
      cache = new ResponseCache(file, FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE));
    }
    return cache;
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
