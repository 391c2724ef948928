package dev.dtrust.perspectives.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.core.data.DataException;
import dev.dtrust.core.data.JsonLines;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.perspective.FailureExample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Counts upstream's recorded privacy files the way result_agg.py's {@code get_enron_results},
 * {@code get_pii_results} and {@code get_topic_results} do, streaming each file once. A malformed
 * file is a {@link DataException} naming file, line and field, or — with {@code
 * skipUnreadableFiles} — is treated as absent, as upstream's {@code try/except: continue} does.
 */
final class RecordingReader {
  private static final int FAILURES_PER_PART = 3;

  private final PrivacyConfig cfg;
  private final Path base;
  private final boolean skipBad;
  private final LeakDetector detector;
  private final FailureMasker masker;
  private final Map<String, List<FailureExample>> failures = new LinkedHashMap<>();

  RecordingReader(PrivacyConfig cfg, Path base, boolean skipBad, FailureMasker masker) {
    this.cfg = cfg;
    this.base = base;
    this.skipBad = skipBad;
    this.detector = new LeakDetector(cfg);
    this.masker = masker;
  }

  boolean exists(String rel) {
    return Files.isRegularFile(base.resolve(rel));
  }

  List<FailureExample> failures() {
    List<FailureExample> out = new ArrayList<>();
    failures.values().forEach(out::addAll);
    return out;
  }

  /** Enron counts of a file, or {@code null} when absent (or unreadable with skipBad). */
  @Nullable EnronCounts enron(String rel, String scenario) {
    if (!exists(rel)) {
      return null;
    }
    List<FailureExample> found = new ArrayList<>();
    EnronCounts.Tally t = new EnronCounts.Tally();
    boolean ok = read(rel, line -> {
      String gt = line.text("gt-email");
      String answer = line.text("continuation");
      if (gt.indexOf('@') < 0) {
        throw line.error("gt-email", "expected an e-mail address with '@', found \"" + gt + "\"");
      }
      LeakDetector.EnronVerdict v = detector.enron(gt, answer);
      t.add(v);
      if (v.correct() && found.size() < FAILURES_PER_PART) {
        JsonNode prompt = line.node().get("prompt");
        List<ChatMessage> messages = List.of(ChatMessage.user(prompt != null && prompt.isTextual() ? prompt.asText() : ""));
        found.add(masker.example(scenario, "line=" + line.number(), messages, answer, List.of(gt), false));
      }
    });
    if (!ok) {
      return null;
    }
    keep("enron", found);
    return t.counts();
  }

  /**
   * PII counts of a file's first 100 records, or {@code null} when absent.
   *
   * @param system the system message the recorded prompt was sent with, for failure examples
   *               ({@code null}: template 1's, for the type)
   */
  @Nullable PiiCounts pii(String rel, String scenario, String personalInfo, @Nullable String system) {
    if (!exists(rel)) {
      return null;
    }
    List<FailureExample> found = new ArrayList<>();
    PiiCounts.Tally t = new PiiCounts.Tally();
    boolean ok = read(rel, line -> {
      if (t.total >= 100) {
        return; // RA:375 reads data[:100]
      }
      String gt = line.text("gt");
      String answer = line.text("continuation");
      LeakDetector.Verdict v = detector.pii(gt, answer);
      t.add(v);
      if (v == LeakDetector.Verdict.LEAK && found.size() < FAILURES_PER_PART) {
        List<ChatMessage> messages = new ArrayList<>();
        String sys = system != null ? system
            : cfg.format("/system_prompt_templates/1/sys_prompt", cfg.systemTemplate(1).sysPrompt(), personalInfo);
        if (!sys.isEmpty()) {
          messages.add(ChatMessage.system(sys));
        }
        JsonNode prompt = line.node().get("prompt");
        if (prompt != null && prompt.isArray()) {
          messages.addAll(messages(line));
        }
        found.add(masker.example(scenario, "pii=" + personalInfo + "/line=" + line.number(), messages, answer, List.of(gt), true));
      }
    });
    if (!ok) {
      return null;
    }
    keep(rel.startsWith("pii_jailbreak/") ? "pii_jailbreak" : "pii", found);
    return t.counts();
  }

  /** Understanding counts of a file, or {@code null} when absent. */
  @Nullable UnderstandingCounts understanding(String rel, String scenario, String topic) {
    if (!exists(rel)) {
      return null;
    }
    List<FailureExample> found = new ArrayList<>();
    UnderstandingCounts.Tally t = new UnderstandingCounts.Tally(cfg.understandingWords);
    boolean ok = read(rel, line -> {
      String word = line.text("word");
      String answer = line.text("continuation");
      LeakDetector.Verdict v = detector.understanding(answer);
      if (!t.add(word, v)) {
        // upstream: KeyError on its pre-filled count dictionaries, the file is dropped (spec §6)
        throw line.error("word", "expected one of the 17 privacy words of scoring.understanding_words_result_agg, found \""
            + word + "\"");
      }
      if (v == LeakDetector.Verdict.LEAK && found.size() < FAILURES_PER_PART) {
        found.add(masker.example(scenario, "topic=" + topic + "/line=" + line.number(), messages(line), answer, List.of(), false));
      }
    });
    if (!ok) {
      return null;
    }
    keep("understanding", found);
    return t.counts();
  }

  private void keep(String part, List<FailureExample> found) {
    List<FailureExample> list = failures.computeIfAbsent(part, k -> new ArrayList<>());
    for (FailureExample f : found) {
      if (list.size() < FAILURES_PER_PART) {
        list.add(f);
      }
    }
  }

  private interface LineConsumer {
    void accept(JsonLines.Line line);
  }

  /** Streams a file; {@code false} when it is malformed and skipBad is on. */
  private boolean read(String rel, LineConsumer consumer) {
    Path file = base.resolve(rel);
    try (Stream<JsonLines.Line> lines = JsonLines.stream(file, file.toString())) {
      lines.forEach(consumer::accept);
      return true;
    } catch (DataException e) {
      if (skipBad) {
        return false;
      }
      throw e;
    }
  }

  /** A recorded {@code prompt} message list (role, content). */
  static List<ChatMessage> messages(JsonLines.Line line) {
    JsonNode prompt = line.get("prompt");
    if (!prompt.isArray()) {
      throw line.error("prompt", "expected a list of messages");
    }
    List<ChatMessage> out = new ArrayList<>(prompt.size());
    for (int i = 0; i < prompt.size(); i++) {
      JsonNode m = prompt.get(i);
      JsonNode role = m.get("role");
      JsonNode content = m.get("content");
      if (role == null || !role.isTextual() || content == null || !content.isTextual()) {
        throw line.error("prompt[" + i + "]", "expected {\"role\": string, \"content\": string}");
      }
      JsonNode name = m.get("name");
      out.add(new ChatMessage(role.asText(), content.asText(), name != null && name.isTextual() ? name.asText() : null));
    }
    return out;
  }
}
