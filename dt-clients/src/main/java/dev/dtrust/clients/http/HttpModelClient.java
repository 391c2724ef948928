package dev.dtrust.clients.http;

import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.model.ChatResponse;
import dev.dtrust.core.model.ModelClient;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The part of {@link ModelClient} that is the same for every HTTP provider: the model id, the
 * endpoint without credentials, whether {@code n} is honoured, counted HTTP calls, cancellable
 * {@link #chatAsync} and closing the connections. A provider supplies {@link #chat(ChatRequest, CallHandle)}: its request and
 * response mapping over {@link #endpoint()}.
 */
public abstract class HttpModelClient implements ModelClient {
  private final String model;
  private final boolean multipleChoices;
  private final JsonEndpoint endpoint;

  /**
   * @param multipleChoices whether one request with {@code n > 1} returns n choices; when not, the
   *                        engine sends n single requests
   */
  protected HttpModelClient(String model, boolean multipleChoices, JsonEndpoint endpoint) {
    this.model = Objects.requireNonNull(model, "model");
    this.multipleChoices = multipleChoices;
    this.endpoint = endpoint;
  }

  /**
   * One request; every HTTP call it makes goes through {@link #endpoint()} with {@code handle}, so
   * that cancelling the caller's future cancels it.
   */
  protected abstract ChatResponse chat(ChatRequest request, CallHandle handle);

  /** Where this client posts. */
  protected final JsonEndpoint endpoint() {
    return endpoint;
  }

  @Override
  public final String modelId() {
    return model;
  }

  /** The endpoint, without credentials. */
  public final String baseUrl() {
    return endpoint.baseUrl();
  }

  @Override
  public final boolean supportsMultipleChoices() {
    return multipleChoices;
  }

  @Override
  public final long httpCalls() {
    return endpoint.calls();
  }

  @Override
  public final ChatResponse chat(ChatRequest request) {
    return chat(request, CallHandle.none());
  }

  /** Cancelling the returned future also cancels the HTTP call in flight and any later one. */
  @Override
  public final CompletableFuture<ChatResponse> chatAsync(ChatRequest request, Executor executor) {
    return CallHandle.runAsync(executor, h -> chat(request, h));
  }

  @Override
  public final void close() {
    endpoint.close();
  }

  /** Model and base URL only, never credentials. */
  @Override
  public final String toString() {
    return getClass().getSimpleName() + "[model=" + model + ", baseUrl=" + endpoint.baseUrl() + "]";
  }
}
