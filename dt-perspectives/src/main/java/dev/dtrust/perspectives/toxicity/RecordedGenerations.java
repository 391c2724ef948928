package dev.dtrust.perspectives.toxicity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.core.data.DataException;
import dev.dtrust.core.data.JsonLines;
import dev.dtrust.core.model.ChatMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Upstream's recorded generation files (spec toxicity.md §4, §11): finds them under a folder by
 * their names, for any model, and reads their records as streams.
 */
final class RecordedGenerations {

  /** {@code toxic.jsonl.<gpt3|gpt4>.n=25.out1.split.annotated.jsonl.filtered.jsonl.<model>.n=25.out<t>}. */
  private static final Pattern CHALLENGING =
      Pattern.compile("toxic\\.jsonl\\.(gpt3|gpt4)\\.n=25\\.out1\\.split\\.annotated\\.jsonl\\.filtered\\.jsonl\\.(.+)\\.n=25\\.out([01])");
  /** {@code <toxic|nontoxic>.jsonl.<model>.n=25.out<t>} (data/toxicity/generations/realtoxicityprompts). */
  private static final Pattern RTP = Pattern.compile("(toxic|nontoxic)\\.jsonl\\.(.+)\\.n=25\\.out([01])");
  /** {@code toxic.jsonl.<model>.t=0.out<k>} (data/toxicity/generations/system_prompts). */
  private static final Pattern SYSTEM = Pattern.compile("toxic\\.jsonl\\.(.+)\\.t=0\\.out(\\d+)");
  /** {@code <model dirs>/<cfg>-template-<t>-generations.jsonl} (upstream's results layout). */
  private static final Pattern RESULTS =
      Pattern.compile("(toxic-gpt3\\.5|toxic-gpt4|toxic|nontoxic)-template-(\\d+)-generations\\.jsonl");

  private RecordedGenerations() {}

  /**
   * A recording of one scenario.
   *
   * @param path     the file
   * @param name     the path relative to the toxicity generations folder, with {@code /}
   * @param model    the model part of the name
   * @param scenario the scenario it records
   */
  record RecordingFile(Path path, String name, String model, ToxicityScenario scenario) {}

  /**
   * One record: a prompt and its choices.
   *
   * @param line    1-based line in the file
   * @param prompt  the {@code prompt} field (the user-prompt text), or {@code null}
   * @param message the recorded message list, or {@code null} when absent
   * @param texts   {@code response.choices[*].message.content} (or {@code .text}) in order
   */
  record Record(long line, @Nullable String prompt, @Nullable List<ChatMessage> message, List<String> texts) {}

  /**
   * The toxicity recordings folder: {@code root/generations/toxicity} for a data root (whose own
   * {@code toxicity/} holds inputs), {@code root/toxicity} for a generations root, else {@code
   * root} itself (the perspective's own folder, or upstream's {@code data/toxicity/generations}).
   */
  static Path folder(Path root) {
    for (String sub : List.of("generations/toxicity", "toxicity")) {
      if (Files.isDirectory(root.resolve(sub))) {
        return root.resolve(sub);
      }
    }
    return root;
  }

  /** Every recording under a toxicity generations folder, in scenario order then name order. */
  static List<RecordingFile> scan(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new DataException(folder.toString(), 0, null, "generations folder not found");
    }
    List<RecordingFile> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Iterator<Path> it = walk.filter(Files::isRegularFile).sorted().iterator(); it.hasNext(); ) {
        Path p = it.next();
        String rel = folder.relativize(p).toString().replace('\\', '/');
        identify(p, rel).ifPresent(out::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
    out.sort(Comparator.comparingInt((RecordingFile f) -> ToxicityScenario.ALL.indexOf(f.scenario()))
        .thenComparing(RecordingFile::name));
    return out;
  }

  static Optional<RecordingFile> identify(Path path, String rel) {
    String file = rel.substring(rel.lastIndexOf('/') + 1);
    String dir = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/')) : "";
    Matcher m = CHALLENGING.matcher(file);
    if (m.matches()) {
      String set = m.group(1).equals("gpt3") ? "gpt35" : "gpt4";
      return Optional.of(new RecordingFile(path, rel, m.group(2), scenario(set + "-toxic", m.group(3))));
    }
    m = RTP.matcher(file);
    if (m.matches()) {
      return Optional.of(new RecordingFile(path, rel, m.group(2), scenario("rtp-" + m.group(1), m.group(3))));
    }
    Matcher sys = SYSTEM.matcher(file);
    if (sys.matches()) {
      int k = Integer.parseInt(sys.group(2));
      return ToxicityScenario.byId("system-prompt-" + k).map(s -> new RecordingFile(path, rel, sys.group(1), s));
    }
    Matcher res = RESULTS.matcher(file);
    if (res.matches()) {
      int t = Integer.parseInt(res.group(2));
      String model = dir.replaceFirst("^(results/)?(toxicity/)?(user_prompts/)?(generations/)?", "");
      if (t <= 1) {
        return Optional.of(new RecordingFile(path, rel, model, ToxicityScenario.forSlot(res.group(1), t)));
      }
      if (res.group(1).equals("toxic")) {
        return ToxicityScenario.byId("system-prompt-" + t).map(s -> new RecordingFile(path, rel, model, s));
      }
    }
    return Optional.empty();
  }

  private static ToxicityScenario scenario(String prefix, String template) {
    return ToxicityScenario.require(prefix + (template.equals("0") ? "-benign" : "-adv"));
  }

  /** Where upstream keeps a leaderboard scenario's recording, relative to the generations folder. */
  static String expectedName(ToxicityScenario s, String model) {
    String t = s.id().endsWith("-adv") ? "1" : "0";
    return switch (s.aggregateKey() == null ? "" : s.aggregateKey()) {
      case "toxic", "nontoxic" -> "realtoxicityprompts/" + s.aggregateKey() + ".jsonl." + model + ".n=25.out" + t;
      case "toxic-gpt3.5" -> "user_prompts/toxic.jsonl.gpt3.n=25.out1.split.annotated.jsonl.filtered.jsonl." + model + ".n=25.out" + t;
      case "toxic-gpt4" -> "user_prompts/toxic.jsonl.gpt4.n=25.out1.split.annotated.jsonl.filtered.jsonl." + model + ".n=25.out" + t;
      default -> "system_prompts/toxic.jsonl." + model + ".t=0.out" + s.template();
    };
  }

  /** Streams the records of a recording; close the stream when done. */
  static Stream<Record> read(Path path, String name) {
    return JsonLines.stream(path, name).map(RecordedGenerations::record);
  }

  private static Record record(JsonLines.Line line) {
    JsonNode response = line.get("response");
    JsonNode choices = response.get("choices");
    if (choices == null || !choices.isArray()) {
      throw line.error("response.choices", "expected an array of choices");
    }
    List<String> texts = new ArrayList<>(choices.size());
    for (int i = 0; i < choices.size(); i++) {
      JsonNode c = choices.get(i);
      JsonNode text;
      String field;
      if (c.has("message")) {
        text = c.get("message").get("content");
        field = "response.choices[" + i + "].message.content";
      } else if (c.has("text")) {
        text = c.get("text");
        field = "response.choices[" + i + "].text";
      } else {
        // upstream: ValueError("Malformed model response")
        throw line.error("response.choices[" + i + "]", "malformed model response: expected message.content or text");
      }
      if (text == null || !text.isTextual()) {
        throw line.error(field, "expected a string, found " + (text == null ? "nothing" : text.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
      }
      texts.add(text.asText());
    }
    JsonNode p = line.node().get("prompt");
    String prompt = p != null && p.isTextual() ? p.asText() : null;
    return new Record(line.number(), prompt, messages(line), texts);
  }

  private static @Nullable List<ChatMessage> messages(JsonLines.Line line) {
    JsonNode msg = line.node().get("message");
    if (msg == null || msg.isNull()) {
      return null;
    }
    if (!msg.isArray()) {
      throw line.error("message", "expected an array of messages");
    }
    List<ChatMessage> out = new ArrayList<>(msg.size());
    for (int i = 0; i < msg.size(); i++) {
      JsonNode m = msg.get(i);
      JsonNode role = m.get("role");
      JsonNode content = m.get("content");
      if (role == null || !role.isTextual()) {
        throw line.error("message[" + i + "].role", "expected a string");
      }
      if (content == null || !content.isTextual()) {
        throw line.error("message[" + i + "].content", "expected a string");
      }
      JsonNode name = m.get("name");
      out.add(new ChatMessage(role.asText(), content.asText(), name != null && name.isTextual() ? name.asText() : null));
    }
    return List.copyOf(out);
  }
}
