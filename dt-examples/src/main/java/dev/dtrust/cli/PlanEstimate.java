package dev.dtrust.cli;

import dev.dtrust.core.TrustEvaluator;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run would send, without calling the model: requests, samples and an estimate of prompt
 * tokens per perspective and scenario, and the scenarios skipped for absent data.
 *
 * @param requests     requests in all (one per probe; a probe asks for all its samples at once)
 * @param promptTokens estimated prompt tokens in all (four characters per token)
 */
record PlanEstimate(long requests, long promptTokens) {

  /** Plans every selected perspective, prints the table and returns the totals. */
  static PlanEstimate print(TrustEvaluator evaluator, PrintWriter out) {
    long[] totals = new long[2];
    // plans stream: a full plan has ~600,000 probes, too many to hold at once
    evaluator.plan((perspective, probes, context) -> {
      Map<String, long[]> byScenario = new LinkedHashMap<>();
      long[] sums = new long[2];
      probes.forEach(p -> {
        long[] c = byScenario.computeIfAbsent(p.scenario(), k -> new long[3]);
        long t = TokenEstimate.of(p.request());
        c[0]++;
        c[1] += p.request().samples();
        c[2] += t;
        sums[0]++;
        sums[1] += t;
      });
      totals[0] += sums[0];
      totals[1] += sums[1];
      out.printf("%s: %d requests, ~%d prompt tokens%n", perspective, sums[0], sums[1]);
      byScenario.forEach((s, c) -> out.printf("  %-40s %8d requests %10d samples %12d prompt tokens%n", s, c[0], c[1], c[2]));
      context.skipped().forEach(s -> out.printf("  %-40s skipped (missing %s)%n", s.scenario(), s.missing()));
    });
    out.printf("total: %d requests, ~%d prompt tokens (estimate: 4 characters per token)%n", totals[0], totals[1]);
    return new PlanEstimate(totals[0], totals[1]);
  }
}
