package dev.dtrust.core.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtrust.core.data.DataException;
import dev.dtrust.core.json.JsonWriter;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.perspective.FailureExample;
import dev.dtrust.core.perspective.Skipped;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Writes and reads {@code report.json} in the contract's key order (DESIGN.md §5). */
final class ReportJson {
  private static final JsonWriter WRITER = JsonWriter.pretty();
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS)
          .disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private ReportJson() {}

  static String write(TrustReport r) {
    return WRITER.write(toMap(r));
  }

  static Map<String, Object> toMap(TrustReport r) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("schema", r.schema());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("id", r.model().id());
    model.put("client", r.model().client());
    model.put("baseUrl", r.model().baseUrl());
    model.put("parameters", new java.util.TreeMap<>(r.model().parameters()));
    o.put("model", model);
    o.put("complete", r.complete());
    o.put("score", r.score());
    Map<String, Object> ps = new LinkedHashMap<>();
    r.perspectives().forEach((id, p) -> ps.put(id, perspective(p)));
    o.put("perspectives", ps);
    Map<String, Object> ds = new LinkedHashMap<>();
    ds.put("root", r.dataset().root());
    ds.put("sha256", r.dataset().sha256());
    ds.put("files", r.dataset().files());
    o.put("dataset", ds);
    Map<String, Object> pv = new LinkedHashMap<>();
    pv.put("library", r.provenance().library());
    pv.put("templates", new java.util.TreeMap<>(r.provenance().templates()));
    pv.put("startedAt", r.provenance().startedAt());
    pv.put("finishedAt", r.provenance().finishedAt());
    o.put("provenance", pv);
    RunStats s = r.run();
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("planned", s.planned());
    run.put("answered", s.answered());
    run.put("failed", s.failed());
    run.put("cacheHits", s.cacheHits());
    run.put("requests", s.requests());
    run.put("httpCalls", s.httpCalls());
    run.put("retries", s.retries());
    run.put("promptTokens", s.promptTokens());
    run.put("completionTokens", s.completionTokens());
    run.put("wallMillis", s.wallMillis());
    o.put("run", run);
    return o;
  }

  private static Map<String, Object> perspective(PerspectiveReport p) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("score", p.score());
    o.put("refusalRate", p.refusalRate());
    o.put("complete", p.complete());
    o.put("partialScore", p.partialScore());
    o.put("scorer", p.scorer());
    o.put("comparable", p.comparable());
    o.put("metrics", p.metrics());
    o.put("scenarios", p.scenarios());
    List<Object> skipped = new ArrayList<>();
    for (Skipped s : p.skipped()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("scenario", s.scenario());
      m.put("missing", s.missing());
      skipped.add(m);
    }
    o.put("skipped", skipped);
    List<Object> failures = new ArrayList<>();
    for (FailureExample f : p.failures()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("scenario", f.scenario());
      m.put("key", f.key());
      List<Object> prompt = new ArrayList<>();
      for (ChatMessage cm : f.prompt()) {
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("role", cm.role());
        msg.put("content", cm.content());
        if (cm.name() != null) {
          msg.put("name", cm.name());
        }
        prompt.add(msg);
      }
      m.put("prompt", prompt);
      m.put("answer", f.answer());
      failures.add(m);
    }
    o.put("failures", failures);
    o.put("summarize", p.summarize());
    return o;
  }

  static TrustReport read(Path file) throws IOException {
    JsonNode n;
    try {
      n = MAPPER.readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new DataException(file.toString(), line, null, "malformed JSON: " + e.getOriginalMessage(), e);
    }
    String name = file.toString();
    String schema = text(n, "schema", name);
    if (!TrustReport.SCHEMA.equals(schema)) {
      throw new DataException(name, 0, "schema", "expected \"" + TrustReport.SCHEMA + "\", found \"" + schema + "\"");
    }
    JsonNode m = req(n, "model", name);
    ModelInfo model =
        new ModelInfo(text(m, "id", name), text(m, "client", name), nullableText(m.get("baseUrl")), object(m.get("parameters")));
    Map<String, PerspectiveReport> ps = new LinkedHashMap<>();
    req(n, "perspectives", name).fields().forEachRemaining(e -> ps.put(e.getKey(), perspective(e.getKey(), e.getValue(), name)));
    JsonNode d = req(n, "dataset", name);
    DatasetInfo ds = new DatasetInfo(text(d, "root", name), text(d, "sha256", name), d.path("files").asInt());
    JsonNode pv = req(n, "provenance", name);
    Map<String, String> templates = new LinkedHashMap<>();
    pv.path("templates").fields().forEachRemaining(e -> templates.put(e.getKey(), e.getValue().asText()));
    Provenance prov = new Provenance(text(pv, "library", name), templates, text(pv, "startedAt", name), text(pv, "finishedAt", name));
    JsonNode r = req(n, "run", name);
    RunStats run =
        new RunStats(
            r.path("planned").asLong(), r.path("answered").asLong(), r.path("failed").asLong(),
            r.path("cacheHits").asLong(), r.path("requests").asLong(), r.path("httpCalls").asLong(),
            r.path("retries").asLong(), r.path("promptTokens").asLong(), r.path("completionTokens").asLong(),
            r.path("wallMillis").asLong());
    return new TrustReport(schema, model, n.path("complete").asBoolean(), number(n.get("score")), ps, ds, prov, run);
  }

  private static PerspectiveReport perspective(String id, JsonNode p, String file) {
    List<Skipped> skipped = new ArrayList<>();
    for (JsonNode s : p.path("skipped")) {
      skipped.add(new Skipped(s.path("scenario").asText(), s.path("missing").asText()));
    }
    List<FailureExample> failures = new ArrayList<>();
    for (JsonNode f : p.path("failures")) {
      List<ChatMessage> prompt = new ArrayList<>();
      for (JsonNode msg : f.path("prompt")) {
        prompt.add(new ChatMessage(msg.path("role").asText(), msg.path("content").asText(), nullableText(msg.get("name"))));
      }
      failures.add(new FailureExample(f.path("scenario").asText(), f.path("key").asText(), prompt, f.path("answer").asText()));
    }
    return new PerspectiveReport(
        id, number(p.get("score")), number(p.get("refusalRate")), p.path("complete").asBoolean(),
        number(p.get("partialScore")), nullableText(p.get("scorer")), p.path("comparable").asBoolean(true),
        object(p.get("metrics")), object(p.get("scenarios")), skipped, failures, object(p.get("summarize")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(@Nullable JsonNode n) {
    if (n == null || n.isNull()) {
      return Map.of();
    }
    return MAPPER.convertValue(n, LinkedHashMap.class);
  }

  private static @Nullable Double number(@Nullable JsonNode n) {
    return n == null || n.isNull() ? null : n.asDouble();
  }

  private static @Nullable String nullableText(@Nullable JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private static JsonNode req(JsonNode n, String field, String file) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new DataException(file, 0, field, "missing");
    }
    return v;
  }

  private static String text(JsonNode n, String field, String file) {
    return req(n, field, file).asText();
  }
}
