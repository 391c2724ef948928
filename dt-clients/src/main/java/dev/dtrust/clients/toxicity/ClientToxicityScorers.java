package dev.dtrust.clients.toxicity;

import dev.dtrust.clients.openai.OpenAiChatClient;
import dev.dtrust.core.toxicity.ToxicityScorer;
import dev.dtrust.core.toxicity.ToxicityScorerFactory;
import java.util.Optional;

/**
 * The {@code --toxicity-scorer} specs dt-clients adds (registered with {@link java.util.ServiceLoader}):
 * {@code perspective-api} (key from {@code PERSPECTIVE_API_KEY}), {@code openai-moderation[:<model>]}
 * (key from {@code OPENAI_API_KEY}), and {@code guard:<model>@<base url>} (a guard model behind an
 * OpenAI-compatible server; key from {@code OPENAI_API_KEY} when set).
 */
public final class ClientToxicityScorers implements ToxicityScorerFactory {
  @Override
  public Optional<ToxicityScorer> create(String spec) {
    if (spec.equals(PerspectiveApiScorer.ID)) {
      return Optional.of(PerspectiveApiScorer.builder().apiKeyFromEnv("PERSPECTIVE_API_KEY").build());
    }
    if (spec.equals("openai-moderation") || spec.startsWith("openai-moderation:")) {
      String model = spec.contains(":") ? spec.substring(spec.indexOf(':') + 1) : OpenAiModerationScorer.DEFAULT_MODEL;
      return Optional.of(OpenAiModerationScorer.builder().model(model).apiKeyFromEnv("OPENAI_API_KEY").build());
    }
    if (spec.startsWith("guard:")) {
      String rest = spec.substring("guard:".length());
      int at = rest.lastIndexOf('@');
      if (at <= 0) {
        throw new IllegalArgumentException("--toxicity-scorer: expected guard:<model>@<base url>, found '" + spec + "'");
      }
      OpenAiChatClient.Builder b = OpenAiChatClient.builder(rest.substring(0, at)).baseUrl(rest.substring(at + 1));
      String key = System.getenv("OPENAI_API_KEY");
      if (key != null && !key.isBlank()) {
        b.apiKeyFromEnv("OPENAI_API_KEY");
      }
      return Optional.of(GuardModelScorer.builder(b.build()).build());
    }
    return Optional.empty();
  }
}
