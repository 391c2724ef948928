package dev.dtrust.cli;

import dev.dtrust.clients.sim.SimulatedModel;
import dev.dtrust.core.TrustEvaluator;
import dev.dtrust.core.report.ModelInfo;
import dev.dtrust.core.report.TrustReport;
import dev.dtrust.perspectives.starter.StarterPack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dt demo}: the built-in starter pack against the built-in simulated model. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Evaluate the built-in simulated model on the built-in starter pack: no network, no data root.")
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", defaultValue = "dt-demo", description = "folder for the reports (default ./dt-demo)")
  Path out;

  @Override
  public Integer call() throws Exception {
    Path root = StarterPack.extractTo(Files.createTempDirectory("dt-starter"));
    List<String> ids = StarterPack.perspectives();
    if (ids.isEmpty()) {
      throw new IllegalStateException("the starter pack is empty: no perspective ships starter files");
    }
    try (SimulatedModel sim = new SimulatedModel()) {
      TrustReport report =
          TrustEvaluator.builder()
              .model(sim)
              .modelInfo(new ModelInfo("sim", "sim", null, Map.of()))
              .dataRoot(root)
              .perspectives(ids)
              .build()
              .evaluate();
      ReportOutput.write(report, java.util.List.of(), out, spec.commandLine().getOut());
      return report.run().failed() > 0 ? ExitCode.INCOMPLETE : ExitCode.OK;
    }
  }
}
