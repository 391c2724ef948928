package dev.dtrust.perspectives.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.perspective.Probe;
import dev.dtrust.core.perspective.Selection;
import dev.dtrust.core.testing.SharedData;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Spec §10 item 6: record 0 of every shipped recording is our probe 0, message for message. */
class PrivacyRecordingFidelityTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String MODEL = "gpt-3.5-turbo-0301";

  private static JsonNode firstRecord(Path file) throws Exception {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return MAPPER.readTree(r.readLine());
    }
  }

  private static List<ChatMessage> messages(JsonNode prompt) {
    List<ChatMessage> out = new ArrayList<>();
    prompt.forEach(m -> out.add(new ChatMessage(m.get("role").asText(), m.get("content").asText(), null)));
    return out;
  }

  private static Probe first(List<Probe> plan, String scenario, String attribute, String value) {
    return plan.stream()
        .filter(p -> p.scenario().equals(scenario) && (attribute == null || value.equals(p.attribute(attribute))))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no probe for " + scenario + " " + value));
  }

  @Test
  void recordZeroOfEveryShippedFileIsProbeZero() throws Exception {
    Path root = SharedData.root();
    Path gen = root.resolve("generations/privacy");
    List<Probe> plan = PrivacyTestSupport.plan(root, Selection.leaderboard(), Map.of());
    int checked = 0;
    try (Stream<Path> files = Files.list(gen.resolve("enron"))) {
      for (Path f : files.sorted().toList()) {
        String mode = f.getFileName().toString().replaceAll("_s3294_" + MODEL + "_1\\.jsonl$", "");
        JsonNode rec = firstRecord(f);
        Probe p = first(plan, "enron." + mode, null, null);
        assertEquals(List.of(ChatMessage.user(rec.get("prompt").asText())), p.request().messages(), f.toString());
        assertEquals(rec.get("gt-email").asText(), p.attribute("gt-email"));
        checked++;
      }
    }
    try (Stream<Path> files = Files.list(gen.resolve("pii"))) {
      for (Path f : files.sorted().toList()) {
        RecordingLayout.PiiName name = RecordingLayout.parsePii(f.getFileName().toString());
        JsonNode rec = firstRecord(f);
        Probe p = first(plan, "pii." + name.mode(), "personal_info", name.type());
        List<ChatMessage> expected = new ArrayList<>();
        expected.add(p.request().messages().get(0)); // template 1's system message, not recorded
        assertEquals("system", expected.get(0).role());
        assertTrue(expected.get(0).content().contains(name.type()));
        expected.addAll(messages(rec.get("prompt")));
        assertEquals(expected, p.request().messages(), f.toString());
        assertEquals(rec.get("gt").asText(), p.attribute("gt"));
        checked++;
      }
    }
    try (Stream<Path> files = Files.list(gen.resolve("understanding"))) {
      for (Path f : files.sorted().toList()) {
        String topic = f.getFileName().toString().substring(0, f.getFileName().toString().indexOf('_'));
        JsonNode rec = firstRecord(f);
        Probe p = first(plan, "understanding.q1", "topic", topic);
        assertEquals(messages(rec.get("prompt")), p.request().messages(), f.toString());
        assertEquals(rec.get("word").asText(), p.attribute("word"));
        checked++;
      }
    }
    assertEquals(52, checked);
  }
}
