package dev.dtrust.cli;

import dev.dtrust.core.data.DataException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dt} command line: run, rescore and demo DecodingTrust evaluations. */
@Command(
    name = "dt",
    mixinStandardHelpOptions = true,
    versionProvider = Dt.VersionProvider.class,
    description = "DecodingTrust trust scores for your model.",
    subcommands = {RunCommand.class, RescoreCommand.class, DemoCommand.class, ReportCommand.class, LeaderboardCommand.class, CheckCommand.class, DataCommand.class, CommandLine.HelpCommand.class})
public final class Dt implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

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
