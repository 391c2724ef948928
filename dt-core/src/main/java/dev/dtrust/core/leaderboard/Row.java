package dev.dtrust.core.leaderboard;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One model (one run) on the leaderboard.
 *
 * @param rank       1-based rank, or 0 when the model has no average
 * @param model      the model id
 * @param card       provider, weights, size
 * @param average    mean of the eight scores when all are present and comparable, else {@code null}
 * @param cells      per perspective id, in leaderboard order
 * @param evaluated  when the run finished (ISO-8601)
 * @param library    the dtrust version of the run
 * @param dataSha256 the data-root hash of the run
 * @param report     the run's folder, relative to the runs folder
 */
public record Row(int rank, String model, ModelCard card, @Nullable Double average, Map<String, Cell> cells,
    String evaluated, String library, String dataSha256, String report) {}
