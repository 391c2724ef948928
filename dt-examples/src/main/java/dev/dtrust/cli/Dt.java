package dev.dtrust.cli;

import dev.dtrust.core.data.DataException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dt} command line: run, rescore and demo DecodingTrust evaluations. */
@Command(
    name = "dt",
    mixinStandardHelpOptions = true,
    versionProvider = Dt.VersionProvider.class,
    description = "DecodingTrust trust scores for your model.")
public final class Dt implements Runnable {

  /** The subcommands, in the order {@code dt --help} lists them. */
  private static final Map<String, Supplier<Object>> COMMANDS = commands();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private static Map<String, Supplier<Object>> commands() {
    Map<String, Supplier<Object>> m = new LinkedHashMap<>();
    m.put("run", RunCommand::new);
    m.put("rescore", RescoreCommand::new);
    m.put("demo", DemoCommand::new);
    m.put("report", ReportCommand::new);
    m.put("leaderboard", LeaderboardCommand::new);
    m.put("check", CheckCommand::new);
    m.put("data", DataCommand::new);
    m.put("help", CommandLine.HelpCommand::new);
    return m;
  }

  /**
   * Registers the subcommand the arguments name, or all of them when they name none (help,
   * version, a mistake): building a subcommand's model by reflection costs start-up time, and a
   * rescore that takes a second should not pay for the options of seven other commands.
   */
  private static void addSubcommands(CommandLine cl, String... args) {
    String named = null;
    for (String a : args) {
      if (!a.startsWith("-")) {
        named = a;
        break;
      }
    }
    if (named != null && COMMANDS.containsKey(named) && !named.equals("help")) {
      cl.addSubcommand(named, COMMANDS.get(named).get());
      return;
    }
    COMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (run, rescore, demo)");
  }

  /** Entry point. */
  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs {@code dt} with arguments and returns the exit code (DESIGN.md §6). */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs {@code dt} with the given output and error writers. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new Dt());
    addSubcommands(cl, args);
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          // one line, like every other bad-input error (DESIGN.md §6)
          err.println("dt: " + ex.getMessage().strip() + " (try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
              + " --help')");
          return ExitCode.BAD_INPUT;
        });
    cl.setExecutionExceptionHandler(
        (ex, line, parsed) -> {
          Throwable t = ex;
          if (t instanceof UncheckedIOException u && u.getCause() != null) {
            t = u.getCause();
          }
          if (t instanceof DataException || t instanceof IllegalArgumentException) {
            err.println("dt: " + t.getMessage());
            return ExitCode.BAD_INPUT;
          }
          if (t instanceof java.io.IOException) {
            err.println("dt: " + t.getMessage());
            return ExitCode.INCOMPLETE;
          }
          throw ex;
        });
    return cl.execute(args);
  }

  /** Prints the library version. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"dt " + dev.dtrust.core.Version.get()};
    }
  }
}
