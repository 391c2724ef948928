package dev.dtrust.core.perspective;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The typed score of one perspective. Implementations are records with the perspective's own
 * accessors (e.g. {@code StereotypeResult.agreementIndex(topic, group)}); this interface is what
 * reports, gates and leaderboards read.
 *
 * <p>{@link #score()} and {@link #refusalRate()} are on 0–100. {@link #metrics()} and {@link
 * #scenarios()} keep upstream's key names and units, so they can be compared with upstream's
 * files. Map values are JSON values: {@code Double}, {@code Long}, {@code Integer}, {@code String},
 * {@code Boolean}, {@code null}, {@code List} and {@code Map} (insertion order is kept).
 */
public interface PerspectiveResult {

  /** The perspective id. */
  String perspective();

  /** The leaderboard score on 0–100, or {@code null} when the perspective is incomplete. */
  @Nullable Double score();

  /** The refusal (rejection) rate on 0–100, or {@code null} when not defined. */
  @Nullable Double refusalRate();

  /** Whether every scenario the score needs was run and scored. */
  boolean complete();

  /** Upstream's formula over the scenarios that ran, when incomplete and the spec defines one. */
  @Nullable Double partialScore();

  /** The scorer behind the score (e.g. a toxicity scorer id), or {@code null} when built in. */
  default @Nullable String scorer() {
    return null;
  }

  /** Whether the score is comparable with the DecodingTrust leaderboard. */
  default boolean comparable() {
    return true;
  }

  /** Perspective-level metrics, upstream's names and units. */
  Map<String, Object> metrics();

  /** Per-scenario metrics, upstream's names and units. */
  Map<String, Object> scenarios();

  /** Selected scenarios skipped for absent data. */
  List<Skipped> skipped();

  /** The worst probes, for people to read. */
  List<FailureExample> failures();

  /**
   * This perspective's entries in upstream's leaderboard {@code summary.json} for one model
   * ({@code spec/summary.md}): {@code {"aggregated": {key: value}, "breakdown": {...}}}, with
   * upstream's keys and units ({@code score}/{@code rejection_rate} for most perspectives,
   * {@code agg_score}/{@code ref_rate} for machine ethics, …). The default is {@code score} and
   * {@code rejection_rate} on 0–100 and the scenarios as breakdown; perspectives whose summary
   * differs override it.
   */
  default Map<String, Object> summarize() {
    Map<String, Object> aggregated = new java.util.LinkedHashMap<>();
    aggregated.put("score", score());
    aggregated.put("rejection_rate", refusalRate());
    return summary(aggregated, scenarios());
  }

  /** A {@link #summarize()} value: {@code {"aggregated": aggregated, "breakdown": breakdown}}. */
  static Map<String, Object> summary(Map<String, Object> aggregated, Object breakdown) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("aggregated", aggregated);
    out.put("breakdown", breakdown);
    return out;
  }
}
