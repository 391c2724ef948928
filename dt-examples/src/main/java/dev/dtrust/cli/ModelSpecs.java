package dev.dtrust.cli;

import dev.dtrust.clients.replay.ReplayClient;
import dev.dtrust.clients.sim.SimulatedModel;
import dev.dtrust.core.model.ModelClient;
import dev.dtrust.core.perspective.Perspective;
import dev.dtrust.core.report.ModelInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Turns a {@code --model} spec ({@code replay:<dir>}, {@code sim}, …) into a client. */
final class ModelSpecs {
  private ModelSpecs() {}

  /** A client and how the report describes it. */
  record Opened(ModelClient client, ModelInfo info) {}

  static Opened open(String spec, List<Perspective> perspectives) {
    if (spec.equals("sim")) {
      return new Opened(new SimulatedModel(), new ModelInfo("sim", "sim", null, Map.of()));
    }
    if (spec.startsWith("replay:")) {
      Path dir = Path.of(spec.substring("replay:".length()));
      ReplayClient c = ReplayClient.open(dir, perspectives);
      return new Opened(c, new ModelInfo("replay", "replay", null, Map.of("generations", dir.toString())));
    }
    int colon = spec.indexOf(':');
    String kind = colon < 0 ? spec : spec.substring(0, colon);
    throw new IllegalArgumentException(
        "--model: unknown or unsupported model spec '" + kind + "'; use replay:<generations dir> or sim");
  }
}
