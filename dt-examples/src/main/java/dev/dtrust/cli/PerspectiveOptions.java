package dev.dtrust.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The perspective options shared by {@code run} and {@code rescore}. */
final class PerspectiveOptions {
  @Option(names = "--option", description = "perspective option perspective.name=value (repeatable)")
  List<String> options;

  @Option(names = "--toxicity-scorer", description = "toxicity scorer: fake-sha256-v1 (a test scorer), recorded:<file>, or one a client module registers")
  String toxicityScorer;

  /** The options as {@code perspective.name → value}; {@code --toxicity-scorer} is {@code toxicity.scorer}. */
  Map<String, String> asMap() {
    Map<String, String> out = new LinkedHashMap<>(CliOptions.parse(options));
    if (toxicityScorer != null) {
      out.put("toxicity.scorer", toxicityScorer);
    }
    return out;
  }
}
