package dev.dtrust.examples;

import dev.dtrust.clients.openai.OpenAiChatClient;
import dev.dtrust.core.TrustEvaluator;
import dev.dtrust.core.report.ModelInfo;
import dev.dtrust.core.report.ReportFiles;
import dev.dtrust.core.report.TrustReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Example: evaluate a model served behind an OpenAI-compatible endpoint (vLLM, Ollama, llama.cpp
 * server, LM Studio, or OpenAI itself) on the stereotype perspective and write every report.
 *
 * <pre>
 * java -cp dt-examples/target/dt.jar dev.dtrust.examples.EvaluateOpenAiCompatible \
 *     http://localhost:8000/v1 my-model decodingtrust out/
 * </pre>
 *
 * The key, when the server wants one, comes from {@code OPENAI_API_KEY}.
 */
public final class EvaluateOpenAiCompatible {
  private EvaluateOpenAiCompatible() {}

  /** Evaluates {@code model} at {@code baseUrl} and writes the reports into {@code out}. */
  public static TrustReport evaluate(String baseUrl, String model, Path dataRoot, Path out) throws Exception {
    OpenAiChatClient.Builder builder = OpenAiChatClient.builder(model).baseUrl(baseUrl);
    if (System.getenv("OPENAI_API_KEY") != null) {
      builder.apiKeyFromEnv("OPENAI_API_KEY");
    }
    try (OpenAiChatClient client = builder.build()) {
      TrustReport report = TrustEvaluator.builder()
          .model(client)
          .modelInfo(new ModelInfo(model, "openai", baseUrl, Map.of()))
          .dataRoot(dataRoot)
          .perspectives("stereotype")
          .maxInFlight(16)
          .build()
          .evaluate();
      ReportFiles.write(out, report, List.of());
      return report;
    }
  }

  /** {@code EvaluateOpenAiCompatible <base url> <model> <data root> <out dir>}. */
  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: EvaluateOpenAiCompatible <base url> <model> <data root> <out dir>");
      System.exit(2);
    }
    TrustReport r = evaluate(args[0], args[1], Path.of(args[2]), Path.of(args[3]));
    System.out.println("stereotype score: " + r.perspective("stereotype").score());
  }
}
