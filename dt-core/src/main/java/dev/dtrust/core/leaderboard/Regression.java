package dev.dtrust.core.leaderboard;

import java.util.List;
import java.util.Map;

/**
 * How one model moved between two consecutive runs.
 *
 * @param model       the model id
 * @param from        when the earlier run finished
 * @param to          when the later run finished
 * @param deltas      per perspective scored in both: later score − earlier score
 * @param newFailures failure examples of the later run not present in the earlier one
 *                    ({@code perspective/scenario/key})
 */
public record Regression(String model, String from, String to, Map<String, Double> deltas, List<String> newFailures) {}
