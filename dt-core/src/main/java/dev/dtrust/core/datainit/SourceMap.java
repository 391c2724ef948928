package dev.dtrust.core.datainit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The source map shipped as a resource: upstream commit and the entries of each perspective. */
public final class SourceMap {
  /** The eight perspectives, in the order of the leaderboard. */
  public static final List<String> PERSPECTIVES = List.of("toxicity", "stereotype", "adv_demonstration",
      "advglue", "ood", "privacy", "machine_ethics", "fairness");

  private final String upstreamCommit;
  private final Map<String, List<MapEntry>> entries;

  private SourceMap(String upstreamCommit, Map<String, List<MapEntry>> entries) {
    this.upstreamCommit = upstreamCommit;
    this.entries = entries;
  }

  /** Loads the project's map from the classpath. */
  public static SourceMap load() {
    try (InputStream in = SourceMap.class.getResourceAsStream("template-sources.json")) {
      if (in == null) {
        throw new IllegalStateException("template-sources.json missing from the classpath");
      }
      return parse(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a map document. */
  public static SourceMap parse(JsonNode root) {
    Map<String, List<MapEntry>> all = new LinkedHashMap<>();
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String p = it.next();
      if (p.startsWith("_") || p.equals("upstream_commit")) {
        continue;
      }
      List<MapEntry> list = new ArrayList<>();
      root.get(p).fields().forEachRemaining(f -> list.add(entry(f.getKey(), f.getValue())));
      all.put(p, list);
    }
    return new SourceMap(root.path("upstream_commit").asText(), all);
  }

  private static MapEntry entry(String pointer, JsonNode e) {
    Map<String, String> except = new LinkedHashMap<>();
    e.path("class_except").fields().forEachRemaining(f -> except.put(f.getKey(), f.getValue().asText()));
    List<Map<String, String>> parts = null;
    if (e.has("parts") && e.get("parts").isArray()) {
      parts = new ArrayList<>();
      for (JsonNode p : e.get("parts")) {
        Map<String, String> m = new LinkedHashMap<>();
        p.fields().forEachRemaining(f -> m.put(f.getKey(), f.getValue().asText()));
        parts.add(m);
      }
    }
    return new MapEntry(pointer, e.path("class").asText(), except, text(e, "file"), text(e, "rev"),
        e.path("kind").asText(), text(e, "symbol"), parts, e.path("extractable").asBoolean(),
        e.path("sha256").asText());
  }

  private static String text(JsonNode e, String field) {
    JsonNode n = e.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  /** The upstream commit the map was written for. */
  public String upstreamCommit() {
    return upstreamCommit;
  }

  /** Entries of a perspective in map order. */
  public List<MapEntry> entries(String perspective) {
    List<MapEntry> e = entries.get(perspective);
    if (e == null) {
      throw new IllegalArgumentException("no perspective " + perspective + " in the source map");
    }
    return e;
  }
}
