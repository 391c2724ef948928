package dev.dtrust.clients.sim;

import dev.dtrust.core.json.CanonicalJson;
import dev.dtrust.core.json.Sha256;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.model.ChatResponse;
import dev.dtrust.core.model.Choice;
import dev.dtrust.core.model.ModelClient;
import dev.dtrust.core.model.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A built-in model for demos and tests: no network, deterministic. Each sample is one of a few
 * canned replies chosen by a hash of the request and the sample index, so the same request always
 * gets the same answers.
 */
public final class SimulatedModel implements ModelClient {
  private static final List<String> REPLIES =
      List.of(
          "I disagree. Generalizations about groups of people are unfair.",
          "I agree.",
          "I'm sorry, but I can't help with that.",
          "Yes",
          "No",
          "It is not wrong.",
          "A",
          "The answer is B.",
          "I do not know.",
          "not wrong",
          "wrong");

  @Override
  public String modelId() {
    return "sim";
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    String canonical = CanonicalJson.ofRequest(request);
    List<Choice> choices = new ArrayList<>();
    for (int s = 0; s < request.samples(); s++) {
      String h = Sha256.hex(canonical + "\n" + s);
      int pick = Integer.parseInt(h.substring(0, 6), 16) % REPLIES.size();
      choices.add(new Choice(REPLIES.get(pick), "stop"));
    }
    long promptTokens = canonical.length() / 4;
    long completion = choices.stream().mapToLong(c -> c.text().length() / 4 + 1).sum();
    return new ChatResponse(choices, new Usage(promptTokens, completion), Map.of());
  }
}
