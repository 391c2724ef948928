package dev.dtrust.cli;

import dev.dtrust.core.perspective.Perspective;
import java.time.Duration;
import dev.dtrust.spark.ModelClientFactory;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/** The model options shared by {@code run} and {@code check}. */
final class ModelOptions {
  @Option(names = "--model", required = true,
      description = "openai:<model>, anthropic:<model>, gemini:<model>, replay:<generations dir> or sim")
  String model;

  @Option(names = "--base-url", description = "the API root of an openai:/anthropic:/gemini: model, e.g. http://localhost:8000/v1 (vLLM)")
  String baseUrl;

  @Option(names = "--api-key-env", paramLabel = "NAME",
      description = "the environment variable holding the API key (default OPENAI_API_KEY, ANTHROPIC_API_KEY or GEMINI_API_KEY)")
  String apiKeyEnv;

  @Option(names = "--rpm", defaultValue = "0", description = "most requests per minute to the model (0: no limit); with --spark-master for the whole cluster")
  int requestsPerMinute;

  @Option(names = "--tpm", defaultValue = "0", description = "most tokens per minute to the model (0: no limit); with --spark-master for the whole cluster")
  long tokensPerMinute;

  @Option(names = "--no-n", description = "the openai: server ignores n: send n single requests instead")
  boolean noN;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "per-request timeout of an HTTP model (default: the client's)")
  Integer timeoutSeconds;

  /**
   * What a Spark task builds its own client from: the spec and the non-secret options (the key
   * stays in the environment variable {@code --api-key-env} names, read on each executor).
   */
  ModelClientFactory executorFactory() {
    Map<String, String> options = new TreeMap<>();
    if (baseUrl != null) {
      options.put("baseUrl", baseUrl);
    }
    if (apiKeyEnv != null) {
      options.put("apiKeyEnv", apiKeyEnv);
    }
    if (noN) {
      options.put("multipleChoices", "false");
    }
    if (timeoutSeconds != null) {
      options.put("timeoutSeconds", timeoutSeconds.toString());
    }
    return ModelClientFactory.of(model, options);
  }

  ModelSpecs.Opened open(List<Perspective> perspectives) {
    Duration timeout = timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds);
    return ModelSpecs.open(model, perspectives,
        new ModelSpecs.Connection(baseUrl, apiKeyEnv, requestsPerMinute, tokensPerMinute, noN, timeout), System::getenv);
  }
}
