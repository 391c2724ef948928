package dev.dtrust.perspectives.ood;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtrust.core.data.DataException;
import dev.dtrust.core.model.ChatMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * Upstream's recorded OOD generations (spec ood.md §2, §4): one JSON array per scenario (despite
 * the {@code .jsonl} suffix) of {@code [messages, response]} records, found by file name with the
 * model part free. Read as a stream, one record at a time.
 */
final class OodRecordings {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  /** One recorded probe: its index, the messages sent, and {@code choices[0].message.content}. */
  record Recorded(int index, List<ChatMessage> messages, String content) {}

  private final Path dir;
  private final List<String> models;

  /**
   * @param generations the generations root holding {@code ood/…}, or the OOD folder itself
   * @param models      model parts of file names to accept (empty: any, but only one match)
   */
  OodRecordings(Path generations, List<String> models) {
    this.dir = oodFolder(generations);
    this.models = List.copyOf(models);
  }

  /** The folder holding {@code styles/} and {@code knowledge/}. */
  Path dir() {
    return dir;
  }

  static Path oodFolder(Path g) {
    for (Path c : List.of(g.resolve("ood"), g.resolve("generations").resolve("ood"))) {
      if (Files.isDirectory(c.resolve("styles")) || Files.isDirectory(c.resolve("knowledge"))) {
        return c;
      }
    }
    return g;
  }

  /** The recording of a scenario, relative to {@link #dir()}, if there is one. */
  Optional<String> find(OodScenario s) {
    String sub = s.task() == OodScenario.Task.STYLE ? "styles" : "knowledge";
    Path folder = dir.resolve(sub);
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    List<String> hits = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : (Iterable<Path>) files.sorted()::iterator) {
        String rel = sub + "/" + f.getFileName();
        Matcher m = s.recordingPattern().matcher(rel);
        if (m.matches() && (models.isEmpty() || models.contains(m.group(1))) && Files.isRegularFile(f)) {
          hits.add(rel);
        }
      }
    } catch (IOException e) {
      throw new DataException(folder.toString(), 0, null, "cannot list: " + e.getMessage(), e);
    }
    if (hits.size() > 1) {
      throw new DataException(folder.toString(), 0, null,
          "several recordings match scenario " + s.id() + " " + hits
              + "; choose the model part of their names with the option ood.model=<name>[,<name>…]");
    }
    return hits.stream().findFirst();
  }

  /** Every recording file of any scenario (any model), scenarios in plan order. */
  List<String> allInPlanOrder() {
    List<String> out = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String sub : List.of("styles", "knowledge")) {
      Path folder = dir.resolve(sub);
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> files = Files.list(folder)) {
        files.filter(Files::isRegularFile).map(f -> sub + "/" + f.getFileName()).sorted().forEach(names::add);
      } catch (IOException e) {
        throw new DataException(folder.toString(), 0, null, "cannot list: " + e.getMessage(), e);
      }
    }
    for (OodScenario s : OodScenarios.all()) {
      java.util.regex.Pattern p = s.recordingPattern();
      for (String n : names) {
        if (!out.contains(n) && p.matcher(n).matches()) {
          out.add(n);
        }
      }
    }
    return out;
  }

  /** Streams the records of a recording file (relative to {@link #dir()}) to {@code sink}. */
  /** Every record of a recording file, in order. */
  List<Recorded> readAll(String relative) {
    List<Recorded> out = new ArrayList<>();
    read(relative, out::add);
    return out;
  }

  int read(String relative, Consumer<Recorded> sink) {
    Path file = dir.resolve(relative);
    String name = file.toString();
    int index = 0;
    try (JsonParser p = FACTORY.createParser(file.toFile())) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new DataException(name, line(p), null, "expected a JSON array of [messages, response] records");
      }
      JsonToken tok;
      while ((tok = p.nextToken()) != JsonToken.END_ARRAY) {
        if (tok == null) {
          throw new DataException(name, line(p), null, "truncated JSON array");
        }
        long line = line(p);
        JsonNode rec = MAPPER.readTree(p);
        sink.accept(record(rec, index, name, line));
        index++;
      }
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new DataException(name, line, "[" + index + "]", "malformed JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new DataException(name, 0, null, "cannot read: " + e.getMessage(), e);
    }
    return index;
  }

  private static long line(JsonParser p) {
    return p.currentLocation() == null ? 0 : p.currentLocation().getLineNr();
  }

  private static Recorded record(JsonNode rec, int index, String file, long line) {
    String at = "[" + index + "]";
    if (!rec.isArray() || rec.size() < 2) {
      throw new DataException(file, line, at, "expected [messages, response]");
    }
    JsonNode msgs = rec.get(0);
    if (!msgs.isArray()) {
      throw new DataException(file, line, at + "[0]", "expected a list of messages");
    }
    List<ChatMessage> messages = new ArrayList<>(msgs.size());
    for (int i = 0; i < msgs.size(); i++) {
      JsonNode m = msgs.get(i);
      String mat = at + "[0][" + i + "]";
      JsonNode role = m.get("role");
      JsonNode content = m.get("content");
      if (role == null || !role.isTextual()) {
        throw new DataException(file, line, mat + ".role", "expected a string, found " + role);
      }
      if (content == null || !content.isTextual()) {
        throw new DataException(file, line, mat + ".content", "expected a string, found " + content);
      }
      JsonNode n = m.get("name");
      messages.add(new ChatMessage(role.asText(), content.asText(), n == null || n.isNull() ? null : n.asText()));
    }
    JsonNode content = rec.get(1).path("choices").path(0).path("message").path("content");
    if (!content.isTextual()) {
      throw new DataException(file, line, at + "[1].choices[0].message.content",
          "expected a string, found " + (content.isMissingNode() ? "nothing" : content.toString()));
    }
    return new Recorded(index, messages, content.asText());
  }
}
