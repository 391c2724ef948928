package dev.dtrust.perspectives.ood;

import dev.dtrust.core.TrustEvaluator;
import dev.dtrust.core.perspective.Selection;
import dev.dtrust.core.report.PerspectiveReport;
import dev.dtrust.core.report.TrustReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Shared test helpers: rescoring through the public API. */
final class OodTestSupport {
  private OodTestSupport() {}

  static OodResult rescore(Path root, Path generations, Selection selection, Map<String, String> options)
      throws IOException {
    OodPerspective p = new OodPerspective();
    dev.dtrust.core.data.DataRoot dr = dev.dtrust.core.data.DataRoot.of(root);
    var ctx = new dev.dtrust.core.perspective.ScoreContext(OodPerspective.ID, dr, selection,
        dev.dtrust.core.perspective.Options.of(options), java.util.List.of(),
        dev.dtrust.core.perspective.Extensions.none(), generations);
    return (OodResult) p.rescore(ctx);
  }

  static PerspectiveReport rescoreReport(Path root, Path generations) throws IOException {
    TrustReport report = TrustEvaluator.builder().dataRoot(root).perspectives("ood").generations(generations)
        .build().rescore();
    return report.perspective("ood");
  }
}
