package dev.dtrust.cli;

import dev.dtrust.core.Perspectives;
import dev.dtrust.core.TrustEvaluator;
import dev.dtrust.core.perspective.Perspective;
import dev.dtrust.core.report.TrustReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dt rescore}: score upstream's recorded generation files, no model. */
@Command(
    name = "rescore",
    mixinStandardHelpOptions = true,
    description = "Score upstream's recorded generation files with no model at all.",
    footer = {"", "Example:",
        "  dt rescore --perspective stereotype --generations decodingtrust/generations/stereotype --data decodingtrust --out out/"})
final class RescoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--perspective", required = true, description = "a perspective id, or all")
  String perspective;

  @Option(names = "--generations", required = true, description = "the recorded generations folder")
  Path generations;

  @Option(names = "--data", required = true, description = "the data root")
  Path data;

  @Option(names = "--out", required = true, description = "folder for report.json")
  Path out;

  @picocli.CommandLine.Mixin PerspectiveOptions perspectiveOptions = new PerspectiveOptions();

  @picocli.CommandLine.Mixin GateOptions gateOptions = new GateOptions();

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(generations)) {
      throw new IllegalArgumentException("--generations: " + generations + " is not a folder");
    }
    List<String> ids =
        perspective.equals("all")
            ? Perspectives.all().stream().map(Perspective::id).toList()
            : Perspectives.byIds(List.of(perspective.split(","))).stream().map(Perspective::id).toList();
    TrustReport report =
        TrustEvaluator.builder()
            .dataRoot(data)
            .perspectives(ids)
            .generations(generations)
            .options(perspectiveOptions.asMap())
            .build()
            .rescore();
    var gates = gateOptions.check(report);
    ReportOutput.write(report, gates, out, spec.commandLine().getOut());
    return dev.dtrust.core.gate.Gates.exitCode(gates);
  }
}
