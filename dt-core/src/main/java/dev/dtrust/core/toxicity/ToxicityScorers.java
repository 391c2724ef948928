package dev.dtrust.core.toxicity;

import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Finds a toxicity scorer by spec, as the command line's {@code --toxicity-scorer} takes it:
 * {@code fake-sha256-v1} (the deterministic test scorer), {@code recorded:<file>} (replayed
 * scores, see {@link RecordedToxicityScorer}), or anything a {@link ToxicityScorerFactory} on the
 * class path knows (e.g. {@code perspective-api}).
 */
public final class ToxicityScorers {
  private ToxicityScorers() {}

  /** The scorer for a spec; {@link IllegalArgumentException} naming the spec when none knows it. */
  public static ToxicityScorer byId(String spec) {
    String s = spec.trim();
    if (s.equals(FakeSha256Scorer.ID)) {
      return new FakeSha256Scorer();
    }
    if (s.startsWith("recorded:")) {
      return RecordedToxicityScorer.read(Path.of(s.substring("recorded:".length())));
    }
    for (ToxicityScorerFactory f : ServiceLoader.load(ToxicityScorerFactory.class)) {
      Optional<ToxicityScorer> made = f.create(s);
      if (made.isPresent()) {
        return made.get();
      }
    }
    throw new IllegalArgumentException(
        "unknown toxicity scorer '" + spec + "'; expected " + FakeSha256Scorer.ID
            + ", recorded:<file>, or a scorer a client module registers (e.g. perspective-api)");
  }
}
