package dev.dtrust.core.datainit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtrust.core.data.DataException;
import dev.dtrust.core.json.CanonicalJson;
import dev.dtrust.core.json.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@code templates/<perspective>.json} = the project's skeleton + the sentences extracted
 * from an upstream checkout by following the source map (data-init.md "How dt data init builds a
 * templates file").
 */
public final class TemplateBuilder {
  private final Checkout checkout;
  private final SourceMap map;
  private final boolean allowDrift;
  private final boolean skipLegacy;
  private final java.util.function.Function<String, Object> skeletons;
  private final Map<String, PySource> sources = new HashMap<>();

  /**
   * @param checkout the upstream checkout
   * @param map the source map
   * @param allowDrift write values whose hash differs instead of failing
   * @param skipLegacy leave the legacy machine-ethics prompts (read at another revision) null
   */
  public TemplateBuilder(Checkout checkout, SourceMap map, boolean allowDrift, boolean skipLegacy) {
    this(checkout, map, allowDrift, skipLegacy, TemplateBuilder::skeleton);
  }

  /** As the public constructor, with the skeletons from a function (tests with their own map). */
  TemplateBuilder(Checkout checkout, SourceMap map, boolean allowDrift, boolean skipLegacy,
      java.util.function.Function<String, Object> skeletons) {
    this.skeletons = skeletons;
    this.checkout = checkout;
    this.map = map;
    this.allowDrift = allowDrift;
    this.skipLegacy = skipLegacy;
  }

  /**
   * The built document and the drifted pointers (empty unless {@code allowDrift}).
   *
   * @param document the templates tree, key order of the skeleton
   * @param drifts pointers whose extracted value differs from the map
   */
  public record Result(Object document, List<Drift> drifts) {}

  /** Builds one perspective's templates; throws {@link DriftException} on drift unless allowed. */
  public Result build(String perspective) {
    Object doc = skeletons.apply(perspective);
    List<Drift> drifts = new ArrayList<>();
    List<MapEntry> entries = map.entries(perspective);
    for (MapEntry e : entries) {
      List<String> pattern = JsonPaths.segments(e.pointer());
      Object value;
      if (!e.extractable() || e.kind().equals("authored")) {
        value = authored(doc, pattern);
      } else if (e.legacy() && skipLegacy) {
        continue;
      } else {
        value = extract(e);
        write(doc, pattern, value, e);
      }
      String actual = Sha256.hex(CanonicalJson.write(value));
      if (!actual.equals(e.sha256())) {
        drifts.add(new Drift(perspective, e.pointer(), e.file(), describe(e), e.sha256(), actual));
      }
    }
    if (!drifts.isEmpty() && !allowDrift) {
      throw new DriftException(drifts);
    }
    List<String> unfilled = unfilledSentences(doc, entries);
    if (!unfilled.isEmpty()) {
      throw new DataException("templates/" + perspective + ".json", 0, unfilled.get(0),
          unfilled.size() + " sentence leaf/leaves still null after extraction: " + unfilled);
    }
    return new Result(doc, drifts);
  }

  private static String describe(MapEntry e) {
    if (e.symbol() != null) {
      return e.symbol();
    }
    if (e.parts() != null) {
      return "compose " + e.parts();
    }
    return "authored";
  }

  /** Loads the skeleton resource of a perspective as a mutable tree. */
  public static Object skeleton(String perspective) {
    try (InputStream in = TemplateBuilder.class.getResourceAsStream(perspective + ".skeleton.json")) {
      if (in == null) {
        throw new IllegalStateException("skeleton for " + perspective + " missing from the classpath");
      }
      return new ObjectMapper().readValue(in, Object.class);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private static Object authored(Object doc, List<String> pattern) {
    if (!pattern.contains("*")) {
      Object v = JsonPaths.get(doc, pattern);
      return v == JsonPaths.MISSING ? null : v;
    }
    List<Object> values = new ArrayList<>();
    for (List<String> p : JsonPaths.expand(doc, pattern)) {
      values.add(JsonPaths.get(doc, p));
    }
    return values;
  }

  private Object extract(MapEntry e) {
    try {
      return switch (e.kind()) {
        case "yaml", "yaml-comment" -> yaml(e);
        case "python-compose" -> compose(e);
        default -> evaluate(e.file(), e.rev(), e.symbol());
      };
    } catch (DataException ex) {
      throw new DataException(e.file() + (e.rev() == null ? "" : " @" + e.rev()), ex.line(), e.pointer(),
          "cannot extract symbol " + describe(e) + ": " + ex.getMessage(), ex);
    }
  }

  private Object evaluate(String file, String rev, String symbol) {
    PySource src = sources.computeIfAbsent((rev == null ? "" : rev) + ":" + file,
        k -> PySource.parse(file, checkout.read(file, rev)));
    return new SymbolEvaluator(src).evaluate(symbol);
  }

  private Object compose(MapEntry e) {
    StringBuilder b = new StringBuilder();
    for (Map<String, String> part : e.parts()) {
      if (part.containsKey("text")) {
        b.append(part.get("text"));
      } else {
        Object v = evaluate(e.file(), e.rev(), part.get("symbol"));
        if (!(v instanceof String s)) {
          throw new DataException(e.file(), 0, part.get("symbol"), "a string for a compose part");
        }
        b.append(s);
      }
    }
    return b.toString();
  }

  private Object yaml(MapEntry e) {
    FlatYaml y = FlatYaml.parse(e.file(), checkout.read(e.file(), e.rev()));
    String symbol = e.symbol() == null ? "" : e.symbol();
    String transform = null;
    int bar = symbol.indexOf(" | ");
    if (bar >= 0) {
      transform = symbol.substring(bar + 3).strip();
      symbol = symbol.substring(0, bar).strip();
    }
    if (e.kind().equals("yaml-comment")) {
      return y.comment(e.file(), symbol);
    }
    Object v = y.get(e.file(), symbol);
    if (v instanceof Map<?, ?> m) {
      v = new LinkedHashMap<>(m);
    }
    return transform == null ? v : Transforms.apply(e.file(), transform, v, y.document());
  }

  private static void write(Object doc, List<String> pattern, Object value, MapEntry e) {
    Object json = toJson(value, e);
    int star = pattern.indexOf("*");
    if (star < 0) {
      JsonPaths.set(doc, pattern, json);
      return;
    }
    if (!(json instanceof List<?> items)) {
      throw new DataException(e.file(), 0, e.pointer(), "a list for a '*' pointer");
    }
    for (int i = 0; i < items.size(); i++) {
      List<String> concrete = new ArrayList<>(pattern);
      concrete.set(star, String.valueOf(i));
      JsonPaths.set(doc, concrete, items.get(i));
    }
  }

  /** Converts evaluator values to JSON values: dict keys must be strings. */
  private static Object toJson(Object v, MapEntry e) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> x : m.entrySet()) {
        if (!(x.getKey() instanceof String k)) {
          throw new DataException(e.file(), 0, e.pointer(), "string dict keys (found " + x.getKey() + ")");
        }
        out.put(k, toJson(x.getValue(), e));
      }
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(toJson(x, e)));
      return out;
    }
    return v;
  }

  /** Pointers of sentence leaves that are null, legacy ones excluded under skipLegacy. */
  private List<String> unfilledSentences(Object doc, List<MapEntry> entries) {
    List<String> out = new ArrayList<>();
    for (List<String> leaf : JsonPaths.leaves(doc)) {
      if (JsonPaths.get(doc, leaf) != null) {
        continue;
      }
      MapEntry owner = owner(entries, leaf);
      if (owner == null || !"sentence".equals(classOf(owner, leaf)) || (owner.legacy() && skipLegacy)) {
        continue;
      }
      out.add(JsonPaths.pointer(leaf));
    }
    return out;
  }

  /** The entry whose pointer covers a leaf path, or null. */
  static MapEntry owner(List<MapEntry> entries, List<String> leaf) {
    for (MapEntry e : entries) {
      if (JsonPaths.coversPrefix(JsonPaths.segments(e.pointer()), leaf)) {
        return e;
      }
    }
    return null;
  }

  /** The class of a leaf under its entry, {@code class_except} applied. */
  static String classOf(MapEntry e, List<String> leaf) {
    List<String> rel = leaf.subList(JsonPaths.segments(e.pointer()).size(), leaf.size());
    for (Map.Entry<String, String> x : e.classExcept().entrySet()) {
      if (JsonPaths.matches(JsonPaths.segments(x.getKey()), rel)) {
        return x.getValue();
      }
    }
    return e.cls();
  }
}
