package dev.dtrust.core.engine;

import dev.dtrust.core.json.CanonicalJson;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.model.ChatResponse;
import dev.dtrust.core.model.ModelClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A test model that echoes a hash of each request and counts calls. */
final class CountingClient implements ModelClient {
  final AtomicInteger calls = new AtomicInteger();

  @Override
  public String modelId() {
    return "counting";
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    calls.incrementAndGet();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < request.samples(); i++) {
      texts.add("answer " + CanonicalJson.ofRequest(request).hashCode() + " #" + i);
    }
    return ChatResponse.ofTexts(texts);
  }
}
