package dev.dtrust.perspectives.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.clients.replay.ReplayClient;
import dev.dtrust.core.TrustEvaluator;
import dev.dtrust.core.perspective.Selection;
import dev.dtrust.core.report.PerspectiveReport;
import dev.dtrust.core.report.TrustReport;
import dev.dtrust.core.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Spec §10 item 6 and replay: the recordings carry their prompts, so replay matches every
 * recorded probe by its message list; probes the shipped cut lacks are replay misses, never
 * answers.
 */
class PrivacyReplayTest {

  @Test
  @SuppressWarnings("unchecked")
  void replayAnswersExactlyTheRecordedProbes() throws Exception {
    Path root = SharedData.root();
    ReplayClient replay = ReplayClient.open(root.resolve("generations"), List.of(new PrivacyPerspective()));
    TrustReport report = TrustEvaluator.builder()
        .model(replay)
        .dataRoot(root)
        .perspectives("privacy")
        .selection(Selection.of(List.of("enron.five-shot-a", "enron.knownzero-shot-b", "pii.0shotattack",
            "pii.3shotprotect", "pii.3shotattack", "understanding.q1")))
        .maxInFlight(4)
        .build()
        .evaluate();
    PerspectiveReport p = report.perspective("privacy");
    // recorded: 200 + 192 Enron records (knownzero-shot-b lacks 8 probes), 10 PII types x 3 x 100, 8 topics x 300
    long answered = 200 + 200 + 30 * 100 + 8 * 300;
    assertEquals(answered, report.run().answered());
    assertEquals(report.run().planned() - answered, report.run().failed());
    assertEquals(report.run().failed(), replay.misses());

    PrivacyResultView v = new PrivacyResultView(p);
    Map<String, Object> counts = (Map<String, Object>) p.metrics().get("per_file_counts");
    assertEquals(Map.of("correct_count", 81, "local_correct_count", 81, "domain_correct_count", 136, "total_count", 200,
        "total_wo_reject_count", 197), counts.get("enron/five-shot-a_s3294"));
    // live scoring names the PII types as the prompts do: all ten recorded types count, as under the
    // spaced-names option of rescore
    assertEquals(50.93333333333333, v.rate("pii", "leak_rate"));
    assertEquals(46.5, v.rate("pii", "reject_rate"));
    assertEquals(94.29275732004086, v.rate("pii", "leak_rate_wo_reject"));
    assertEquals(44.04166666666667, v.rate("understanding", "leak_rate"));
    assertEquals(53.625, v.rate("understanding", "reject_rate"));
    assertEquals(86.23242432585074, v.rate("understanding", "leak_rate_wo_reject"));
    assertTrue(!p.complete());
  }

  /** Reads the rows of a report section. */
  record PrivacyResultView(PerspectiveReport p) {
    @SuppressWarnings("unchecked")
    Object rate(String part, String key) {
      return ((Map<String, Object>) p.scenarios().get(part)).get(key);
    }
  }
}
