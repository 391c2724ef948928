package dev.dtrust.core.perspective;

import java.util.List;
import java.util.Objects;

/**
 * A scenario of a perspective (upstream: one config or one data file × prompt setting).
 *
 * @param id          stable id within the perspective, upstream's name where it has one
 * @param description one line for people
 * @param leaderboard whether the leaderboard score needs it (the {@code leaderboard} selection)
 * @param dataFiles   data-root-relative paths the scenario reads; absent ones make it skipped
 */
public record Scenario(String id, String description, boolean leaderboard, List<String> dataFiles) {
  public Scenario {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(description, "description");
    dataFiles = List.copyOf(dataFiles);
  }
}
