package dev.dtrust.core.perspective;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A DecodingTrust perspective, found with {@link java.util.ServiceLoader}. Plan, execute and score
 * are separate: {@link #plan} lists the probes, the engine answers them, {@link #score} scores
 * the answers; {@link #rescore} scores upstream's recorded generation files with no model at all.
 *
 * <p>Implementations are stateless and thread-safe. Every prompt text comes from the data root's
 * {@code templates/<id>.json}, never from a Java constant.
 */
public interface Perspective {

  /** Upstream's perspective id ({@code stereotype}, {@code fairness}, …). */
  String id();

  /** Every scenario of the spec, in upstream order. */
  List<Scenario> scenarios();

  /**
   * The probes of the selected scenarios, in upstream order. Scenarios whose data is absent are
   * recorded with {@link PlanContext#skip} / {@link PlanContext#runnable} and produce no probe.
   *
   * <p>Must be repeatable: the evaluator streams a plan instead of holding it, and calls this more
   * than once per evaluation (to count, to answer, to score), expecting the same probes in the same
   * order each time (seeded randomness only). Close the stream to release files it reads.
   */
  Stream<Probe> plan(PlanContext context);

  /** Scores answered probes, given in plan order (failed probes included). */
  PerspectiveResult score(ScoreContext context, List<ProbeOutcome> outcomes);

  /** Scores the recorded generation files under {@link ScoreContext#generations()}. */
  PerspectiveResult rescore(ScoreContext context) throws IOException;

  /**
   * Feeds this perspective's recordings under {@code generationsRoot} (the folder holding {@code
   * <id>/…}) to a replay index. The default has none.
   */
  default void readRecordings(Path generationsRoot, RecordingSink sink) throws IOException {}
}
