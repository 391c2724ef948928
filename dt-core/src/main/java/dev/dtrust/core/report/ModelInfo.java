package dev.dtrust.core.report;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The model of a run.
 *
 * @param id         the model id
 * @param client     the client kind ({@code openai}, {@code replay}, {@code sim}, …)
 * @param baseUrl    the endpoint, when there is one (never with credentials)
 * @param parameters request parameters that apply to every probe
 */
public record ModelInfo(String id, String client, @Nullable String baseUrl, Map<String, Object> parameters) {
  public ModelInfo {
    parameters = Map.copyOf(parameters);
  }
}
