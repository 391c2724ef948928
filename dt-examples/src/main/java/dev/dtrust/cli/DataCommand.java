package dev.dtrust.cli;

import dev.dtrust.core.Perspectives;
import dev.dtrust.core.datainit.DataCheck;
import dev.dtrust.core.datainit.DataInit;
import dev.dtrust.core.datainit.Drift;
import dev.dtrust.core.datainit.DriftException;
import dev.dtrust.core.perspective.Perspective;
import dev.dtrust.core.perspective.Scenario;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dt data}: build a data root from an upstream checkout ({@code init}) or validate one ({@code check}). */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = "Build (init) or validate (check) a data root.",
    subcommands = {DataCommand.Init.class, DataCommand.Check.class})
final class DataCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (init, check)");
  }

  /** {@code dt data init --from CHECKOUT --to ROOT}. */
  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      description = {"Copy upstream's data/ to ROOT and write templates/<perspective>.json from the checkout's",
          "sources (the project's skeleton + upstream's sentences, each checked against the source map's SHA-256)."},
      footer = {"", "Example:", "  git clone https://github.com/AI-secure/DecodingTrust",
          "  dt data init --from DecodingTrust --to dt-data"})
  static final class Init implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--from", required = true, description = "a git clone of AI-secure/DecodingTrust")
    Path from;

    @Option(names = "--to", required = true, description = "the data root to create or update")
    Path to;

    @Option(names = "--with-generations", description = "also copy upstream's recordings (generations/ folders)")
    boolean withGenerations;

    @Option(names = "--allow-drift", description = "write values that differ from the source map and list them")
    boolean allowDrift;

    @Option(names = "--skip-legacy",
        description = "leave the legacy machine-ethics prompts (read at git revision b4247d42) empty")
    boolean skipLegacy;

    @Option(names = "--templates-only", description = "write templates/ only, do not copy data/")
    boolean templatesOnly;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (!Files.isDirectory(from.resolve("src/dt"))) {
        throw new IllegalArgumentException(from + ": not a DecodingTrust checkout (no src/dt)");
      }
      DataInit.Summary s;
      try {
        s = DataInit.run(new DataInit.Options(from, to, withGenerations, allowDrift, skipLegacy, !templatesOnly));
      } catch (DriftException e) {
        err.println("dt: " + e.getMessage());
        return ExitCode.BAD_INPUT;
      }
      out.println("copied " + s.filesCopied() + " data files to " + to);
      out.println("wrote " + s.templates().size() + " templates files to " + to.resolve("templates"));
      if (!s.drifts().isEmpty()) {
        out.println(s.drifts().size() + " value(s) differ from the source map (written because of --allow-drift):");
        for (Drift d : s.drifts()) {
          out.println("  " + d.describe());
        }
      }
      if (skipLegacy) {
        out.println("legacy machine-ethics prompts left empty (--skip-legacy)");
      }
      return ExitCode.OK;
    }
  }

  /** {@code dt data check ROOT}. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = "Check that every file each selected scenario reads is present and parses, and that"
          + " every template sentence is filled.",
      footer = {"", "Example:", "  dt data check dt-data"})
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", description = "the data root")
    Path root;

    @Option(names = "--perspectives", split = ",", description = "check only these perspectives")
    List<String> perspectives;

    @Option(names = "--scenarios", split = ",", description = "check only these scenario ids")
    List<String> scenarios;

    @Option(names = "--all", description = "check every scenario (default: the leaderboard scenarios)")
    boolean all;

    @Override
    public Integer call() {
      if (!Files.isDirectory(root)) {
        throw new IllegalArgumentException(root + ": not a directory");
      }
      List<Perspective> chosen = perspectives == null ? Perspectives.all() : Perspectives.byIds(perspectives);
      Map<String, Map<String, List<String>>> files = new LinkedHashMap<>();
      int n = 0;
      for (Perspective p : chosen) {
        Map<String, List<String>> byScenario = new LinkedHashMap<>();
        for (Scenario s : p.scenarios()) {
          boolean selected = scenarios != null ? scenarios.contains(s.id()) : all || s.leaderboard();
          if (selected) {
            byScenario.put(s.id(), s.dataFiles());
            n++;
          }
        }
        files.put(p.id(), byScenario);
      }
      List<DataCheck.Problem> problems = DataCheck.check(root, files);
      PrintWriter out = spec.commandLine().getOut();
      if (problems.isEmpty()) {
        out.println(root + ": OK (" + chosen.size() + " perspectives, " + n + " scenarios)");
        return ExitCode.OK;
      }
      PrintWriter err = spec.commandLine().getErr();
      problems.forEach(p -> err.println("dt: " + root + "/" + p.describe()));
      err.println("dt: " + problems.size() + " problem(s) in " + root);
      return ExitCode.BAD_INPUT;
    }
  }
}
