package dev.dtrust.core.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtrust.core.json.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A data root laid out like upstream DecodingTrust's {@code data/} folder, plus {@code templates/}
 * (DESIGN.md §7). Paths are relative to the root and use {@code /}. Every read error is a {@link
 * DataException} naming the file (and line and field where they apply). The root remembers which
 * files were read, for the report's dataset hash.
 */
public final class DataRoot {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path root;
  private final String display;
  private final Set<String> read = ConcurrentHashMap.newKeySet();
  private final Map<String, Templates> templates = new ConcurrentHashMap<>();

  private DataRoot(Path root, String display) {
    this.root = root;
    this.display = display;
  }

  /** A data root at a folder; a {@link DataException} when it is not one. */
  public static DataRoot of(Path root) {
    if (!Files.isDirectory(root)) {
      throw new DataException(root.toString(), 0, null, "data root is not a folder");
    }
    return new DataRoot(root.toAbsolutePath().normalize(), root.toString());
  }

  /** The root folder. */
  public Path root() {
    return root;
  }

  /** The root as the user gave it. */
  public String display() {
    return display;
  }

  /** The path of a root-relative file (whether or not it exists). */
  public Path resolve(String relative) {
    return root.resolve(relative);
  }

  /** Whether a root-relative file or folder exists. */
  public boolean exists(String relative) {
    return Files.exists(root.resolve(relative));
  }

  /** The name errors use for a root-relative file. */
  public String name(String relative) {
    return display.endsWith("/") ? display + relative : display + "/" + relative;
  }

  /** A root-relative file that must exist; records it as read. */
  public Path require(String relative) {
    Path p = root.resolve(relative);
    if (!Files.isRegularFile(p)) {
      throw new DataException(name(relative), 0, null, "missing file");
    }
    read.add(relative);
    return p;
  }

  /** Streams a JSON Lines file, which must hold a record; close the stream when done. */
  public Stream<JsonLines.Line> jsonLines(String relative) {
    return JsonLines.nonEmpty(require(relative), name(relative));
  }

  /** Parses a whole JSON file. */
  public JsonNode json(String relative) {
    Path p = require(relative);
    try {
      return MAPPER.readTree(p.toFile());
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new DataException(name(relative), line, null, "malformed JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new DataException(name(relative), 0, null, "cannot read: " + e.getMessage(), e);
    }
  }

  /** A CSV reader over a root-relative file (UTF-8); close it when done. */
  public CsvReader csv(String relative) {
    Path p = require(relative);
    try {
      Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8);
      return new CsvReader(r, name(relative));
    } catch (IOException e) {
      throw new DataException(name(relative), 0, null, "cannot read: " + e.getMessage(), e);
    }
  }

  /** The bytes of a root-relative file. */
  public byte[] bytes(String relative) {
    Path p = require(relative);
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new DataException(name(relative), 0, null, "cannot read: " + e.getMessage(), e);
    }
  }

  /** The prompt texts and generation parameters of a perspective: {@code templates/<id>.json}. */
  public Templates templates(String perspective) {
    return templates.computeIfAbsent(
        perspective,
        id -> {
          String rel = "templates/" + id + ".json";
          byte[] bytes = bytes(rel);
          try {
            return new Templates(name(rel), MAPPER.readTree(bytes), Sha256.hex(bytes));
          } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new DataException(name(rel), line, null, "malformed JSON: " + e.getOriginalMessage(), e);
          } catch (IOException e) {
            throw new DataException(name(rel), 0, null, "cannot read: " + e.getMessage(), e);
          }
        });
  }

  /** The SHA-256 of every template read, by perspective. */
  public Map<String, String> templateHashes() {
    Map<String, String> out = new java.util.TreeMap<>();
    templates.forEach((k, v) -> out.put(k, v.sha256()));
    return out;
  }

  /** Records a root-relative file as read (for files read with other APIs). */
  public void markRead(String relative) {
    read.add(relative);
  }

  /** The root-relative files read so far, sorted. */
  public Set<String> filesRead() {
    return new TreeSet<>(read);
  }

  /**
   * The dataset hash: SHA-256 over the sorted files read, each as its relative path, a NUL, and
   * the SHA-256 hex of its bytes, then a LF.
   */
  public String datasetSha256() {
    List<String> files = List.copyOf(filesRead());
    List<String> hashes;
    try {
      hashes = FileTasks.map(files, this::fileSha256); // files are hashed in parallel, combined in order
    } catch (IOException e) {
      throw new UncheckedIOException(e); // not reached: fileSha256 reports a DataException
    }
    MessageDigest all = Sha256.digest();
    for (int i = 0; i < files.size(); i++) {
      all.update((files.get(i) + "\0" + hashes.get(i) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return Sha256.toHex(all.digest());
  }

  private String fileSha256(String rel) {
    MessageDigest one = Sha256.digest();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(root.resolve(rel))) {
      int n;
      while ((n = in.read(buf)) > 0) {
        one.update(buf, 0, n);
      }
    } catch (IOException e) {
      throw new DataException(name(rel), 0, null, "cannot read: " + e.getMessage(), e);
    }
    return Sha256.toHex(one.digest());
  }

}
