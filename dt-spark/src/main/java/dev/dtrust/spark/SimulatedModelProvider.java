package dev.dtrust.spark;

import dev.dtrust.clients.sim.SimulatedModel;
import dev.dtrust.core.model.ModelClient;
import java.util.Map;

/** The {@code sim} spec: dt-clients' deterministic simulated model, no network. */
public final class SimulatedModelProvider implements ModelClientProvider {
  @Override
  public boolean supports(String spec) {
    return spec.equals("sim");
  }

  @Override
  public ModelClient create(String spec, Map<String, String> options, Environment env) {
    return new SimulatedModel();
  }
}
