package dev.dtrust.perspectives.toxicity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.core.data.DataException;
import dev.dtrust.core.data.DataRoot;
import dev.dtrust.core.perspective.Extensions;
import dev.dtrust.core.perspective.Options;
import dev.dtrust.core.perspective.ScoreContext;
import dev.dtrust.core.perspective.Selection;
import dev.dtrust.perspectives.starter.StarterPack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording names for any model, and bad recordings (spec §4, §11). */
class RecordedGenerationsTest {
  @TempDir Path tmp;

  private static String id(String rel) {
    return RecordedGenerations.identify(Path.of(rel), rel).map(f -> f.scenario().id() + "@" + f.model()).orElse("-");
  }

  @Test
  void mapsUpstreamNamesForAnyModel() {
    assertEquals("rtp-toxic-benign@gpt4", id("realtoxicityprompts/toxic.jsonl.gpt4.n=25.out0"));
    assertEquals("rtp-nontoxic-adv@gpt3", id("realtoxicityprompts/nontoxic.jsonl.gpt3.n=25.out1"));
    assertEquals("gpt35-toxic-adv@davinci",
        id("user_prompts/toxic.jsonl.gpt3.n=25.out1.split.annotated.jsonl.filtered.jsonl.davinci.n=25.out1"));
    assertEquals("gpt4-toxic-benign@gpt3",
        id("user_prompts/toxic.jsonl.gpt4.n=25.out1.split.annotated.jsonl.filtered.jsonl.gpt3.n=25.out0"));
    assertEquals("system-prompt-17@gpt3", id("system_prompts/toxic.jsonl.gpt3.t=0.out17"));
    assertEquals("gpt35-toxic-benign@openai/gpt-3.5-turbo-0301",
        id("results/toxicity/user_prompts/generations/openai/gpt-3.5-turbo-0301/toxic-gpt3.5-template-0-generations.jsonl"));
    assertEquals("rtp-nontoxic-adv@my-model", id("my-model/nontoxic-template-1-generations.jsonl"));
    assertEquals("-", id("system_prompts/toxic.jsonl.gpt3.t=0.out0.out.pkl"));
    assertEquals("-", id("user_prompts/toxic.jsonl.gpt3.n=25.out1.split.annotated.jsonl.filtered.jsonl"));
    assertEquals("-", id("system_prompts/toxic.jsonl.gpt3.t=0.out40"));
  }

  private ScoreContext ctx(Path generations, Map<String, String> options) throws Exception {
    Path root = StarterPack.extractTo(tmp.resolve("root"));
    return new ScoreContext("toxicity", DataRoot.of(root), Selection.leaderboard(), Options.of(options), List.of(),
        Extensions.none(), generations);
  }

  private static final String RECORD =
      "{\"prompt\":\"p\",\"response\":{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"hello\"}}]},"
          + "\"message\":[{\"role\":\"system\",\"content\":\"s\"},{\"role\":\"user\",\"content\":\"u\"}]}";

  @Test
  void rescoresItsOwnLayoutAndNamesMissingRuns() throws Exception {
    Path gen = tmp.resolve("gen/toxicity/realtoxicityprompts");
    Files.createDirectories(gen);
    Files.writeString(gen.resolve("toxic.jsonl.m1.n=25.out0"), RECORD + "\n" + RECORD.replace("hello", "  ") + "\n");
    ToxicityResult r = new ToxicityPerspective().rescore(ctx(tmp.resolve("gen"), Map.of()));
    RunMetrics m = r.run("rtp-toxic-benign").orElseThrow();
    assertEquals(2, m.records());
    assertEquals(1, m.empty());
    assertEquals(7, r.skipped().size());
    assertEquals("realtoxicityprompts/toxic.jsonl.m1.n=25.out1", r.skipped().get(0).missing());
    assertEquals(Map.of("toxic-template-0-generations", "rtp-toxic-benign"), r.slotSources());
  }

  @Test
  void severalModelsNeedTheModelOption() throws Exception {
    Path gen = tmp.resolve("gen2/system_prompts");
    Files.createDirectories(gen);
    Files.writeString(gen.resolve("toxic.jsonl.a.t=0.out0"), RECORD + "\n");
    Files.writeString(gen.resolve("toxic.jsonl.b.t=0.out0"), RECORD.replace("hello", "bye") + "\n");
    DataException e = assertThrows(DataException.class,
        () -> new ToxicityPerspective().rescore(ctx(tmp.resolve("gen2"), Map.of())));
    assertTrue(e.getMessage().contains("toxicity.model"), e.getMessage());
    ToxicityResult r = new ToxicityPerspective().rescore(ctx(tmp.resolve("gen2"), Map.of("toxicity.model", "b")));
    assertEquals(1, r.runs().size());
    assertEquals("system_prompts/toxic.jsonl.b.t=0.out0", r.runs().get("system-prompt-0").source());
  }

  @Test
  void malformedRecordNamesFileLineAndField() throws Exception {
    Path gen = tmp.resolve("gen3/system_prompts");
    Files.createDirectories(gen);
    Files.writeString(gen.resolve("toxic.jsonl.a.t=0.out3"), RECORD + "\n" + RECORD.replace("\"message\":{", "\"msg\":{") + "\n");
    DataException e = assertThrows(DataException.class,
        () -> new ToxicityPerspective().rescore(ctx(tmp.resolve("gen3"), Map.of())));
    assertEquals(2, e.line());
    assertEquals("response.choices[0]", e.field());
    assertTrue(e.getMessage().contains("system_prompts/toxic.jsonl.a.t=0.out3"), e.getMessage());

    Files.writeString(gen.resolve("toxic.jsonl.a.t=0.out3"), "{\"prompt\":\"p\"}\n");
    DataException noResponse = assertThrows(DataException.class,
        () -> new ToxicityPerspective().rescore(ctx(tmp.resolve("gen3"), Map.of())));
    assertEquals("response", noResponse.field());
    assertEquals(1, noResponse.line());
  }

  @Test
  void dataRootGenerationsRootAndOwnFolderAreAllAccepted() throws Exception {
    Path data = tmp.resolve("data");
    Files.createDirectories(data.resolve("toxicity/user_prompts"));
    Files.createDirectories(data.resolve("generations/toxicity"));
    assertEquals(data.resolve("generations/toxicity"), RecordedGenerations.folder(data));
    assertEquals(data.resolve("generations/toxicity"), RecordedGenerations.folder(data.resolve("generations")));
    assertEquals(data.resolve("generations/toxicity"), RecordedGenerations.folder(data.resolve("generations/toxicity")));
  }

  @Test
  void missingGenerationsFolderIsBadData() throws Exception {
    assertThrows(DataException.class,
        () -> new ToxicityPerspective().rescore(ctx(tmp.resolve("nothing-here"), Map.of())));
  }

  @Test
  void readRecordingsFeedsMessagesAndSamples() throws Exception {
    Path gen = tmp.resolve("gen4/toxicity/system_prompts");
    Files.createDirectories(gen);
    Files.writeString(gen.resolve("toxic.jsonl.a.t=0.out3"), RECORD + "\n");
    List<String> seen = new java.util.ArrayList<>();
    new ToxicityPerspective().readRecordings(tmp.resolve("gen4"), new dev.dtrust.core.perspective.RecordingSink() {
      @Override
      public void byMessages(List<dev.dtrust.core.model.ChatMessage> messages, List<String> samples) {
        seen.add(messages.get(1).content() + "=" + samples);
      }

      @Override
      public void byPosition(String fileKey, int index, List<String> samples) {
        throw new AssertionError("toxicity recordings carry prompts");
      }
    });
    assertEquals(List.of("u=[hello]"), seen);
    try (Stream<Path> s = Files.list(gen)) {
      assertEquals(1, s.count());
    }
  }
}
