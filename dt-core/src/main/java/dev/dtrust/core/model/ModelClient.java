package dev.dtrust.core.model;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A chat model under evaluation. Implementations are thread-safe: the engine calls them from many
 * threads at once.
 *
 * <p>A refusal by a provider's safety system is a normal response whose choice has {@code
 * finishReason = "content_filter"}, not an exception. Failures throw {@link ModelException}, which
 * says whether a retry can help.
 */
public interface ModelClient extends AutoCloseable {

  /** The model's identifier; part of every cache key. */
  String modelId();

  /** Sends one request and waits for its response. */
  ChatResponse chat(ChatRequest request);

  /**
   * Sends one request without blocking the caller, on a shared pool of daemon threads. The engine
   * uses {@link #chatAsync(ChatRequest, Executor)} with its own executor.
   */
  default CompletableFuture<ChatResponse> chatAsync(ChatRequest request) {
    return chatAsync(request, AsyncPool.EXECUTOR);
  }

  /**
   * Sends one request without blocking the caller. The default runs {@link #chat} on the given
   * executor (the engine's); HTTP clients may override with a truly asynchronous call.
   */
  default CompletableFuture<ChatResponse> chatAsync(ChatRequest request, Executor executor) {
    return CompletableFuture.supplyAsync(() -> chat(request), executor);
  }

  /**
   * Whether one request with {@code n > 1} returns n choices. When false the engine sends n
   * requests with {@code n} absent and caches each sample on its own (sample index 0…n-1).
   */
  default boolean supportsMultipleChoices() {
    return true;
  }

  /** How many HTTP requests this client has sent so far (retries included); 0 for local clients. */
  default long httpCalls() {
    return 0;
  }

  /** Releases connections and threads. The default does nothing. */
  @Override
  default void close() {}
}
