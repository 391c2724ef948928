package dev.dtrust.core.perspective;

import dev.dtrust.core.data.DataRoot;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a perspective scores with.
 *
 * @param perspective the perspective id
 * @param dataRoot    the data root
 * @param selection   the selection that was planned
 * @param options     this perspective's options
 * @param skipped     scenarios skipped at planning
 * @param extensions  pluggable collaborators (e.g. a toxicity scorer)
 * @param generations for rescoring: the folder of recorded generations (the one holding {@code
 *                    <perspective>/…}, or the perspective's own folder), else {@code null}
 */
public record ScoreContext(
    String perspective,
    DataRoot dataRoot,
    Selection selection,
    Options options,
    List<Skipped> skipped,
    Extensions extensions,
    @Nullable Path generations) {

  public ScoreContext {
    options = options.forPerspective(perspective);
    skipped = List.copyOf(skipped);
  }

  /** The recordings folder, for rescoring. */
  public Optional<Path> generationsDir() {
    return Optional.ofNullable(generations);
  }
}
