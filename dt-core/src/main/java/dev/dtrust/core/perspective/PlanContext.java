package dev.dtrust.core.perspective;

import dev.dtrust.core.data.DataRoot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a perspective plans with: the data root, the selection, its options. Scenarios whose data
 * files are absent are recorded as skipped (DESIGN.md §4), never guessed.
 */
public final class PlanContext {
  private final String perspective;
  private final DataRoot dataRoot;
  private final Selection selection;
  private final Options options;
  private final Extensions extensions;
  private final List<Skipped> skipped = Collections.synchronizedList(new ArrayList<>());

  /** A context for planning one perspective. */
  public PlanContext(
      String perspective, DataRoot dataRoot, Selection selection, Options options, Extensions extensions) {
    this.perspective = perspective;
    this.dataRoot = dataRoot;
    this.selection = selection;
    this.options = options.forPerspective(perspective);
    this.extensions = extensions;
  }

  /** The data root. */
  public DataRoot dataRoot() {
    return dataRoot;
  }

  /** The selection. */
  public Selection selection() {
    return selection;
  }

  /** This perspective's options. */
  public Options options() {
    return options;
  }

  /** Pluggable collaborators. */
  public Extensions extensions() {
    return extensions;
  }

  /** Whether the selection includes the scenario (data presence aside). */
  public boolean selected(Scenario scenario) {
    return selection.includes(perspective, scenario);
  }

  /**
   * Whether to plan the scenario: it is selected and every data file it needs is present. A
   * selected scenario with an absent file is recorded as skipped with the first missing path.
   */
  public boolean runnable(Scenario scenario) {
    if (!selected(scenario)) {
      return false;
    }
    for (String file : scenario.dataFiles()) {
      if (!dataRoot.exists(file)) {
        skip(scenario.id(), file);
        return false;
      }
    }
    return true;
  }

  /** Records a selected scenario as skipped because the given data-root path is absent. */
  public void skip(String scenario, String missing) {
    Skipped s = new Skipped(scenario, missing);
    if (!skipped.contains(s)) {
      skipped.add(s);
    }
  }

  /** The scenarios skipped so far. */
  public List<Skipped> skipped() {
    synchronized (skipped) {
      return List.copyOf(skipped);
    }
  }
}
