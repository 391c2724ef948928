package dev.dtrust.cli;

import dev.dtrust.core.leaderboard.Leaderboard;
import dev.dtrust.core.leaderboard.LeaderboardHtml;
import dev.dtrust.core.leaderboard.LeaderboardMarkdown;
import dev.dtrust.core.leaderboard.ModelCard;
import dev.dtrust.core.report.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dt leaderboard RUNS --out DIR}: rank many runs. */
@Command(
    name = "leaderboard",
    mixinStandardHelpOptions = true,
    description = "Rank the runs under a folder: leaderboard.json, leaderboard.html and leaderboard.md.",
    footer = {"", "Example:", "  dt leaderboard runs/ --out board/ --model-card models.json"})
final class LeaderboardCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "a folder with one sub-folder per run (each holding report.json)")
  Path runs;

  @Option(names = "--out", required = true, description = "folder for the leaderboard files")
  Path out;

  @Option(names = "--all-runs", description = "a row per run instead of per model (latest run)")
  boolean allRuns;

  @Option(names = "--model-card", description = "JSON file: model id → {provider, openWeights, parameters}")
  Path modelCard;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(runs)) {
      throw new IllegalArgumentException(runs + " is not a folder");
    }
    List<Leaderboard.Run> found = Leaderboard.find(runs);
    if (found.isEmpty()) {
      throw new IllegalArgumentException(runs + ": no report.json below it");
    }
    Map<String, ModelCard> cards = modelCard == null ? Map.of() : ModelCard.read(modelCard);
    Leaderboard board = Leaderboard.of(found, allRuns, cards);
    AtomicFiles.write(out.resolve("leaderboard.json"), board.toJson());
    AtomicFiles.write(out.resolve("leaderboard.html"), LeaderboardHtml.render(board));
    AtomicFiles.write(out.resolve("leaderboard.md"), LeaderboardMarkdown.render(board));
    spec.commandLine().getOut().print(LeaderboardMarkdown.render(board));
    spec.commandLine().getOut().println("wrote " + out.resolve("leaderboard.html") + " (" + board.rows().size() + " rows)");
    return ExitCode.OK;
  }
}
