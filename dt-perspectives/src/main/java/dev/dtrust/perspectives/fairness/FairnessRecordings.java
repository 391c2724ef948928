package dev.dtrust.perspectives.fairness;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtrust.core.data.DataException;
import dev.dtrust.core.model.ChatMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Upstream's recorded fairness generations (spec §5): recording files {@code <model>_<part>.jsonl}
 * (one JSON array of {@code [messages, response]} pairs, read as a stream), and upstream's own
 * per-scenario out files {@code <id>.json} ({@code {"requests", "responses", "labels", "scores"}},
 * last line wins, Q7). Files are mapped to scenarios by their scenario part; the model name is
 * whatever precedes it.
 */
public final class FairnessRecordings {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path dir;

  private FairnessRecordings(Path dir) {
    this.dir = dir;
  }

  /**
   * The recordings under a generations folder: the folder holding {@code fairness/}, or the
   * fairness folder itself.
   */
  public static FairnessRecordings in(Path generations) {
    Path own = generations.resolve("fairness");
    return new FairnessRecordings(Files.isDirectory(own) ? own : generations);
  }

  /** The folder read. */
  public Path dir() {
    return dir;
  }

  /** One recorded exchange. */
  public record Exchange(List<ChatMessage> messages, String answer) {}

  /** A scenario's recorded exchanges, with labels when the file holds them (out files). */
  public record Recorded(Path file, List<Exchange> exchanges, @Nullable List<String> labels) {}

  /** The models that have recording files here, sorted. */
  public List<String> models() throws IOException {
    return new ArrayList<>(recordingFilesByModel().keySet());
  }

  /** Recording files by model, then by scenario part. */
  private Map<String, Map<String, Path>> recordingFilesByModel() throws IOException {
    Map<String, Map<String, Path>> out = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        for (FairnessScenario s : FairnessScenario.ALL) {
          String suffix = s.recordingPart() == null ? null : "_" + s.recordingPart() + ".jsonl";
          if (suffix != null && name.endsWith(suffix) && name.length() > suffix.length()) {
            String model = name.substring(0, name.length() - suffix.length());
            out.computeIfAbsent(model, k -> new TreeMap<>()).put(s.recordingPart(), f);
          }
        }
      }
    }
    return out;
  }

  /**
   * The recorded exchanges of a scenario for a model: upstream's out file {@code <id>.json} when
   * present, else the recording file of the scenario's part.
   *
   * @param model the model prefix of recording files, or {@code null} when there is one model or none
   */
  public Optional<Recorded> read(FairnessScenario scenario, @Nullable String model) throws IOException {
    Path out = dir.resolve(scenario.outFileName());
    if (Files.isRegularFile(out)) {
      return Optional.of(readOutFile(out));
    }
    if (scenario.recordingPart() == null) {
      return Optional.empty();
    }
    Path f = recordingFile(scenario, model);
    return f == null ? Optional.empty() : Optional.of(new Recorded(f, readRecording(f), null));
  }

  /** The path a scenario's recording would have (for skip notes). */
  public String expectedName(FairnessScenario scenario, @Nullable String model) {
    return scenario.recordingPart() == null
        ? scenario.outFileName()
        : (model == null ? "<model>" : model) + "_" + scenario.recordingPart() + ".jsonl";
  }

  private @Nullable Path recordingFile(FairnessScenario scenario, @Nullable String model) throws IOException {
    Map<String, Map<String, Path>> byModel = recordingFilesByModel();
    if (model == null) {
      if (byModel.size() > 1) {
        throw new DataException(dir.toString(), 0, "fairness.model",
            "recordings of several models " + new TreeSet<>(byModel.keySet()) + "; choose one with the option fairness.model");
      }
      return byModel.values().stream().findFirst().map(m -> m.get(scenario.recordingPart())).orElse(null);
    }
    Map<String, Path> files = byModel.get(model);
    return files == null ? null : files.get(scenario.recordingPart());
  }

  /** Feeds every exchange of every file here to a consumer, in file order. */
  public void forEachExchange(ExchangeConsumer consumer) throws IOException {
    for (Map<String, Path> files : recordingFilesByModel().values()) {
      for (Path f : files.values()) {
        for (Exchange e : readRecording(f)) {
          consumer.accept(e);
        }
      }
    }
    for (FairnessScenario s : FairnessScenario.ALL) {
      Path out = dir.resolve(s.outFileName());
      if (Files.isRegularFile(out)) {
        for (Exchange e : readOutFile(out).exchanges()) {
          consumer.accept(e);
        }
      }
    }
  }

  /** Receives exchanges. */
  @FunctionalInterface
  public interface ExchangeConsumer {
    void accept(Exchange e) throws IOException;
  }

  /** Reads a recording file: a JSON array of {@code [messages, response]} pairs, streamed. */
  static List<Exchange> readRecording(Path file) throws IOException {
    String name = file.toString();
    List<Exchange> out = new ArrayList<>();
    try (JsonParser p = MAPPER.getFactory().createParser(file.toFile())) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new DataException(name, line(p), null, "expected a JSON array of [messages, response] pairs");
      }
      int i = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (p.currentToken() == null) {
          throw new DataException(name, line(p), "[" + i + "]", "unexpected end of file");
        }
        long lineNo = line(p);
        JsonNode pair = p.readValueAsTree();
        if (pair == null || !pair.isArray() || pair.size() != 2) {
          throw new DataException(name, lineNo, "[" + i + "]", "expected a [messages, response] pair");
        }
        out.add(new Exchange(messages(pair.get(0), name, lineNo, "[" + i + "][0]"),
            content(pair.get(1), name, lineNo, "[" + i + "][1]")));
        i++;
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      long l = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new DataException(name, l, null, "malformed JSON: " + e.getOriginalMessage(), e);
    }
    return out;
  }

  /** Reads upstream's out file; with several lines the last one is used (Q7, score_calculation_script.py:63-67). */
  static Recorded readOutFile(Path file) throws IOException {
    String name = file.toString();
    JsonNode content = null;
    long lineNo = 0;
    long contentLine = 0;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String s;
      while ((s = r.readLine()) != null) {
        lineNo++;
        if (s.isBlank()) {
          continue;
        }
        try {
          content = MAPPER.readTree(s);
          contentLine = lineNo;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new DataException(name, lineNo, null, "malformed JSON: " + e.getOriginalMessage(), e);
        }
      }
    }
    if (content == null) {
      throw new DataException(name, 0, null, "empty out file");
    }
    JsonNode requests = array(content, "requests", name, contentLine);
    JsonNode responses = array(content, "responses", name, contentLine);
    JsonNode labels = array(content, "labels", name, contentLine);
    if (requests.size() != responses.size() || labels.size() < responses.size()) {
      throw new DataException(name, contentLine, "responses",
          responses.size() + " responses for " + requests.size() + " requests and " + labels.size() + " labels");
    }
    List<Exchange> ex = new ArrayList<>();
    List<String> ls = new ArrayList<>();
    for (int i = 0; i < responses.size(); i++) {
      ex.add(new Exchange(messages(requests.get(i), name, contentLine, "requests[" + i + "]"),
          content(responses.get(i), name, contentLine, "responses[" + i + "]")));
      JsonNode l = labels.get(i);
      if (!l.isTextual()) {
        throw new DataException(name, contentLine, "labels[" + i + "]", "expected a string, found " + l.getNodeType());
      }
      ls.add(l.asText());
    }
    return new Recorded(file, ex, ls);
  }

  private static JsonNode array(JsonNode o, String field, String file, long line) {
    JsonNode v = o.get(field);
    if (v == null || !v.isArray()) {
      throw new DataException(file, line, field, v == null ? "missing" : "expected an array, found " + v.getNodeType());
    }
    return v;
  }

  private static List<ChatMessage> messages(JsonNode n, String file, long line, String field) {
    if (n == null || !n.isArray()) {
      throw new DataException(file, line, field, "expected a message list");
    }
    List<ChatMessage> out = new ArrayList<>(n.size());
    for (int k = 0; k < n.size(); k++) {
      JsonNode m = n.get(k);
      JsonNode role = m.get("role");
      JsonNode content = m.get("content");
      JsonNode name = m.get("name");
      if (role == null || !role.isTextual()) {
        throw new DataException(file, line, field + "[" + k + "].role", "expected a string");
      }
      if (content == null || !content.isTextual()) {
        throw new DataException(file, line, field + "[" + k + "].content", "expected a string");
      }
      out.add(new ChatMessage(role.asText(), content.asText(), name == null || name.isNull() ? null : name.asText()));
    }
    return out;
  }

  /** {@code response['choices'][0]['message']['content']}, as upstream's aggregator reads it. */
  private static String content(JsonNode response, String file, long line, String field) {
    JsonNode c = response == null ? null : response.path("choices").path(0).path("message").path("content");
    if (c == null || !c.isTextual()) {
      throw new DataException(file, line, field + ".choices[0].message.content", "missing or not a string");
    }
    return c.asText();
  }

  private static long line(JsonParser p) {
    return p.currentLocation() == null ? 0 : p.currentLocation().getLineNr();
  }
}
