package dev.dtrust.core.report;

import dev.dtrust.core.perspective.FailureExample;
import dev.dtrust.core.perspective.PerspectiveResult;
import dev.dtrust.core.perspective.Skipped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One perspective's section of {@code report.json} (DESIGN.md §5): the generic form of any
 * {@link PerspectiveResult}, as written and as read back.
 */
public record PerspectiveReport(
    String perspective,
    @Nullable Double score,
    @Nullable Double refusalRate,
    boolean complete,
    @Nullable Double partialScore,
    @Nullable String scorer,
    boolean comparable,
    Map<String, Object> metrics,
    Map<String, Object> scenarios,
    List<Skipped> skipped,
    List<FailureExample> failures,
    Map<String, Object> summarize)
    implements PerspectiveResult {

  public PerspectiveReport {
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    scenarios = Collections.unmodifiableMap(new LinkedHashMap<>(scenarios));
    skipped = List.copyOf(skipped);
    failures = List.copyOf(failures);
    summarize = Collections.unmodifiableMap(new LinkedHashMap<>(summarize));
  }

  /** The report section of a result. */
  public static PerspectiveReport of(PerspectiveResult r) {
    if (r instanceof PerspectiveReport p) {
      return p;
    }
    return new PerspectiveReport(
        r.perspective(), r.score(), r.refusalRate(), r.complete(), r.partialScore(), r.scorer(),
        r.comparable(), r.metrics(), r.scenarios(), r.skipped(), r.failures(), r.summarize());
  }
}
