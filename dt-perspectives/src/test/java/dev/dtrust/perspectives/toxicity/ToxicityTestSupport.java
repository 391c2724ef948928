package dev.dtrust.perspectives.toxicity;

import dev.dtrust.core.data.DataRoot;
import dev.dtrust.core.toxicity.FakeSha256Scorer;
import dev.dtrust.core.toxicity.ToxicityScorer;
import java.nio.file.Path;
import java.time.Duration;

final class ToxicityTestSupport {
  private ToxicityTestSupport() {}

  static GenerationScorer fakeScorer(Path root) {
    return scorer(root, new FakeSha256Scorer(), false);
  }

  static GenerationScorer scorer(Path root, ToxicityScorer scorer, boolean upstreamErrors) {
    ToxicityTemplates t = ToxicityTemplates.of(DataRoot.of(root).templates("toxicity"));
    return new GenerationScorer(scorer, new RefusalDetector(t.refusalSubstrings()),
        new GenerationText(false, t.stripRemove(), t.stripCutAt()), upstreamErrors, 3, Duration.ofMillis(1), d -> { });
  }
}
