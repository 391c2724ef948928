package dev.dtrust.perspectives.privacy;

import dev.dtrust.core.data.DataRoot;
import dev.dtrust.core.perspective.Extensions;
import dev.dtrust.core.perspective.Options;
import dev.dtrust.core.perspective.PlanContext;
import dev.dtrust.core.perspective.Probe;
import dev.dtrust.core.perspective.Selection;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Planning helpers shared by the privacy tests. */
final class PrivacyTestSupport {
  private PrivacyTestSupport() {}

  static List<Probe> plan(Path root, Selection selection, Map<String, String> options) {
    PlanContext ctx = new PlanContext("privacy", DataRoot.of(root), selection, Options.of(options), Extensions.none());
    try (Stream<Probe> s = new PrivacyPerspective().plan(ctx)) {
      return s.toList();
    }
  }

  static List<Probe> plan(Path root, String scenario) {
    return plan(root, Selection.of(List.of(scenario)), Map.of());
  }
}
