package dev.dtrust.core.perspective;

import java.util.List;
import java.util.Objects;

/**
 * Which scenarios to run: the leaderboard's (default), all of them, or a named list. Named
 * scenarios may be written {@code id} or {@code perspective/id}.
 */
public record Selection(Kind kind, List<String> names) {

  /** The three forms of a selection. */
  public enum Kind {
    LEADERBOARD,
    FULL,
    NAMED
  }

  public Selection {
    Objects.requireNonNull(kind, "kind");
    names = List.copyOf(names);
  }

  /** The scenarios the leaderboard score needs. */
  public static Selection leaderboard() {
    return new Selection(Kind.LEADERBOARD, List.of());
  }

  /** Every scenario of every spec. */
  public static Selection full() {
    return new Selection(Kind.FULL, List.of());
  }

  /** Only the named scenarios. */
  public static Selection of(List<String> names) {
    return new Selection(Kind.NAMED, names);
  }

  /**
   * Parses the CLI form: {@code leaderboard}, {@code full}, or a comma list of scenario ids.
   */
  public static Selection parse(String text) {
    String t = text.trim();
    if (t.equals("leaderboard")) {
      return leaderboard();
    }
    if (t.equals("full")) {
      return full();
    }
    return of(List.of(t.split("\\s*,\\s*")));
  }

  /** Whether this selection includes the scenario of the given perspective. */
  public boolean includes(String perspective, Scenario scenario) {
    return switch (kind) {
      case LEADERBOARD -> scenario.leaderboard();
      case FULL -> true;
      case NAMED ->
          names.contains(scenario.id()) || names.contains(perspective + "/" + scenario.id());
    };
  }

  @Override
  public String toString() {
    return kind == Kind.NAMED ? String.join(",", names) : kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
