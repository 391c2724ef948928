package dev.dtrust.spark;

import dev.dtrust.clients.http.ApiKey;
import dev.dtrust.clients.http.RateGovernor;
import dev.dtrust.clients.openai.OpenAiChatClient;
import dev.dtrust.core.model.ModelClient;
import java.time.Duration;
import java.util.Map;

/**
 * The {@code openai:<model>} spec on an executor: dt-clients' OpenAI-compatible client. Options:
 * {@code baseUrl}, {@code apiKeyEnv} (default {@code OPENAI_API_KEY}; read from the executor's
 * environment, absent for local servers), {@code multipleChoices=false} for servers that ignore n,
 * {@code timeoutSeconds}, and {@code requestsPerMinute} / {@code tokensPerMinute} for this client's
 * rate governor (a task's share of the cluster-wide limit, see {@link RateShare}).
 */
public final class OpenAiModelProvider implements ModelClientProvider {
  @Override
  public boolean supports(String spec) {
    return spec.startsWith("openai:");
  }

  @Override
  public ModelClient create(String spec, Map<String, String> options, Environment env) {
    OpenAiChatClient.Builder b = OpenAiChatClient.builder(spec.substring("openai:".length()));
    if (options.containsKey("baseUrl")) {
      b.baseUrl(options.get("baseUrl"));
    }
    String key = env.get(options.getOrDefault("apiKeyEnv", "OPENAI_API_KEY"));
    if (key != null && !key.isEmpty()) {
      b.apiKey(ApiKey.of(key));
    }
    if ("false".equals(options.get("multipleChoices"))) {
      b.multipleChoices(false);
    }
    if (options.containsKey("timeoutSeconds")) {
      b.timeout(Duration.ofSeconds(Long.parseLong(options.get("timeoutSeconds"))));
    }
    int rpm = Integer.parseInt(options.getOrDefault(ModelClientFactory.REQUESTS_PER_MINUTE, "0"));
    long tpm = Long.parseLong(options.getOrDefault(ModelClientFactory.TOKENS_PER_MINUTE, "0"));
    if (rpm > 0 || tpm > 0) {
      b.rateGovernor(RateGovernor.perMinute(rpm, tpm));
    }
    return b.build();
  }
}
