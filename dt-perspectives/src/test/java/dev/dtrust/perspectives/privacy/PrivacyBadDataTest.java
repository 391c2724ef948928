package dev.dtrust.perspectives.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.core.data.DataException;
import dev.dtrust.core.data.DataRoot;
import dev.dtrust.core.perspective.Extensions;
import dev.dtrust.core.perspective.Options;
import dev.dtrust.core.perspective.ScoreContext;
import dev.dtrust.core.perspective.Selection;
import dev.dtrust.core.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad data names file, line and field; upstream's silent skip is an option. */
class PrivacyBadDataTest {

  private static Path copyGenerations(Path to) throws Exception {
    Path src = SharedData.root().resolve("generations/privacy");
    for (String part : List.of("enron", "pii", "understanding")) {
      Files.createDirectories(to.resolve(part));
      try (var s = Files.list(src.resolve(part))) {
        for (Path f : s.toList()) {
          Files.copy(f, to.resolve(part).resolve(f.getFileName()));
        }
      }
    }
    return to;
  }

  private static PrivacyResult rescore(Path generations, Map<String, String> options) throws Exception {
    ScoreContext ctx = new ScoreContext("privacy", DataRoot.of(SharedData.root()), Selection.leaderboard(),
        Options.of(options), List.of(), Extensions.none(), generations);
    return (PrivacyResult) new PrivacyPerspective().rescore(ctx);
  }

  @Test
  void aRecordWithoutItsFieldNamesFileLineAndField(@TempDir Path dir) throws Exception {
    Path gen = copyGenerations(dir.resolve("privacy"));
    Path f = gen.resolve("enron/zero-shot-a_s3294_gpt-3.5-turbo-0301_1.jsonl");
    List<String> lines = Files.readAllLines(f);
    lines.set(2, lines.get(2).replace("\"continuation\"", "\"continuation_\""));
    Files.write(f, lines);
    DataException e = assertThrows(DataException.class, () -> rescore(dir, Map.of()));
    assertTrue(e.file().endsWith("zero-shot-a_s3294_gpt-3.5-turbo-0301_1.jsonl"), e.getMessage());
    assertEquals(3, e.line());
    assertEquals("continuation", e.field());

    // upstream's try/except: the file is dropped as if absent
    PrivacyResult r = rescore(dir, Map.of("privacy.skipUnreadableFiles", "true"));
    assertFalse(r.enronCounts().containsKey("enron/zero-shot-a_s3294"));
    assertNotNull(r.partialScore());
  }

  @Test
  void aMalformedLineNamesFileAndLine(@TempDir Path dir) throws Exception {
    Path gen = copyGenerations(dir.resolve("privacy"));
    Path f = gen.resolve("understanding/health_t0_s100_gpt-3.5-turbo-0301_ques1_1.jsonl");
    List<String> lines = Files.readAllLines(f);
    lines.set(9, "{\"word\": \"secretly told you\", \"continuation\": ");
    Files.write(f, lines);
    DataException e = assertThrows(DataException.class, () -> rescore(dir, Map.of()));
    assertEquals(10, e.line());
    assertTrue(e.getMessage().contains("health_t0_s100"), e.getMessage());
  }

  @Test
  void anUnknownPrivacyWordIsAnError(@TempDir Path dir) throws Exception {
    Path gen = copyGenerations(dir.resolve("privacy"));
    Path f = gen.resolve("understanding/vote_t0_s100_gpt-3.5-turbo-0301_ques1_1.jsonl");
    List<String> lines = Files.readAllLines(f);
    lines.set(0, "{\"word\": \"in a whisper\", \"continuation\": \"Sure, Mike.\", \"prompt\": []}");
    Files.write(f, lines);
    DataException e = assertThrows(DataException.class, () -> rescore(dir, Map.of()));
    assertEquals("word", e.field());
    assertEquals(1, e.line());
  }

  @Test
  void aMissingDataFileOrFieldWhilePlanning(@TempDir Path dir) throws Exception {
    Path root = dir.resolve("root");
    Files.createDirectories(root.resolve("templates"));
    Files.createDirectories(root.resolve("privacy/enron_data"));
    Files.copy(SharedData.root().resolve("templates/privacy.json"), root.resolve("templates/privacy.json"));
    Files.writeString(root.resolve("privacy/enron_data/one_shot.json"), "{\"a@b.c\": [[\"d@b.c\", \"D\"]]}");
    Files.writeString(root.resolve("privacy/enron_data/email2name.json"), "{\"x@b.c\": \"X\"}");
    // a selected scenario whose data file is absent is skipped, never guessed
    var plan = PrivacyTestSupport.plan(root, Selection.of(List.of("enron.five-shot-a")), Map.of());
    assertTrue(plan.isEmpty());
    // a target with no name in email2name.json
    DataException e = assertThrows(DataException.class, () -> PrivacyTestSupport.plan(root, "enron.one-shot-a"));
    assertTrue(e.file().endsWith("email2name.json"), e.getMessage());
    assertEquals("/a@b.c", e.field());
    // a malformed support pair
    Files.writeString(root.resolve("privacy/enron_data/five_shot.json"), "{\"a@b.c\": [[\"d@b.c\"]]}");
    e = assertThrows(DataException.class, () -> PrivacyTestSupport.plan(root, "pii.0shotattack"));
    assertTrue(e.file().endsWith("five_shot.json"), e.getMessage());
    assertEquals("/a@b.c/0", e.field());
    // a template text missing
    Files.writeString(root.resolve("templates/privacy.json"),
        Files.readString(root.resolve("templates/privacy.json")).replace("\"context_template\"", "\"context_template_\""));
    e = assertThrows(DataException.class, () -> PrivacyTestSupport.plan(root, "understanding.q1"));
    assertEquals("/pii/context_template", e.field());
  }

  @Test
  void contextScenariosNeedTheTokenizerSetting(@TempDir Path dir) throws Exception {
    Path root = dir.resolve("root");
    Files.createDirectories(root.resolve("templates"));
    Files.createDirectories(root.resolve("privacy/enron_data"));
    Files.copy(SharedData.root().resolve("templates/privacy.json"), root.resolve("templates/privacy.json"));
    Files.writeString(root.resolve("privacy/enron_data/context.json"), "{}");
    var ctx = new dev.dtrust.core.perspective.PlanContext("privacy", DataRoot.of(root),
        Selection.of(List.of("enron.context-50")), Options.none(), Extensions.none());
    try (var s = new PrivacyPerspective().plan(ctx)) {
      assertEquals(0, s.count());
    }
    assertEquals(1, ctx.skipped().size());
    assertTrue(ctx.skipped().get(0).missing().contains("privacy.gpt2Vocab"), ctx.skipped().toString());
  }

  @Test
  void rawFailuresShowTheTranscript() throws Exception {
    PrivacyResult masked = rescore(SharedData.root().resolve("generations"), Map.of());
    PrivacyResult raw = rescore(SharedData.root().resolve("generations"), Map.of("privacy.rawFailures", "true"));
    assertEquals(masked.failures().size(), raw.failures().size());
    assertTrue(raw.failures().stream().anyMatch(f -> f.answer().contains("@")));
    assertTrue(masked.failures().stream().noneMatch(f -> f.answer().contains("@")));
    assertTrue(masked.failures().stream().anyMatch(f -> f.answer().contains(FailureMasker.EMAIL)));
  }
}
