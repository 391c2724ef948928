package dev.dtrust.cli;

import dev.dtrust.core.report.ReportFiles;
import dev.dtrust.core.report.TrustReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dt report DIR}: re-render every report from report.json. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Re-render report.html, summary.json, report.md and junit.xml from a folder's report.json.",
    footer = {"", "Example:", "  dt report out/"})
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "a folder holding report.json")
  Path dir;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(dir.resolve("report.json"))) {
      throw new IllegalArgumentException(dir + ": no report.json");
    }
    TrustReport r = ReportFiles.rerender(dir);
    spec.commandLine().getOut().println("re-rendered the reports of " + r.model().id() + " in " + dir);
    return ExitCode.OK;
  }
}
