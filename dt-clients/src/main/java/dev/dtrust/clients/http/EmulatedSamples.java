package dev.dtrust.clients.http;

import dev.dtrust.core.model.ChatResponse;
import dev.dtrust.core.model.Choice;
import dev.dtrust.core.model.Usage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The n samples of a request made up of separate calls, for providers (or servers) that do not
 * honour {@code n}: the choices in call order, the usage summed, the metadata merged with a later
 * call's value winning. Not thread-safe: one per request.
 */
public final class EmulatedSamples {
  private final List<Choice> choices = new ArrayList<>();
  private Usage usage = Usage.NONE;
  private final Map<String, String> metadata = new LinkedHashMap<>();

  /** Adds every choice of {@code response}, its usage and its metadata. */
  public EmulatedSamples add(ChatResponse response) {
    return add(response.choices(), response.usage(), response.metadata());
  }

  /** Adds {@code choices} with the usage and metadata of the call that returned them. */
  public EmulatedSamples add(List<Choice> choices, Usage usage, Map<String, String> metadata) {
    this.choices.addAll(choices);
    this.usage = this.usage.plus(usage);
    this.metadata.putAll(metadata);
    return this;
  }

  /** How many choices so far. */
  public int size() {
    return choices.size();
  }

  /** The response: the samples so far, with {@code metadata} added to the calls' own. */
  public ChatResponse response(Map<String, String> metadata) {
    Map<String, String> m = new LinkedHashMap<>(this.metadata);
    m.putAll(metadata);
    return new ChatResponse(choices, usage, m);
  }
}
