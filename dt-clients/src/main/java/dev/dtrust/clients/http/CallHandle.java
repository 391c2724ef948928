package dev.dtrust.clients.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import okhttp3.Call;

/**
 * Lets a caller cancel the HTTP call a model request is making: cancelling the future that {@link
 * #runAsync} returns cancels the call in flight and any call the request would make after it.
 */
public final class CallHandle {
  /** A handle nobody cancels (synchronous {@code chat}). */
  public static CallHandle none() {
    return new CallHandle();
  }

  private Call current;
  private boolean cancelled;

  synchronized void attach(Call call) {
    current = call;
    if (cancelled) {
      call.cancel();
    }
  }

  /** Cancels the call in flight, if any, and every later one. */
  public synchronized void cancel() {
    cancelled = true;
    if (current != null) {
      current.cancel();
    }
  }

  /** Whether {@link #cancel()} was called. */
  public synchronized boolean cancelled() {
    return cancelled;
  }

  /**
   * Runs {@code work} on {@code executor}; cancelling the returned future cancels its HTTP calls,
   * so a cancelled evaluation stops holding connections.
   */
  public static <T> CompletableFuture<T> runAsync(Executor executor, Function<CallHandle, T> work) {
    CallHandle handle = new CallHandle();
    CompletableFuture<T> f = new CompletableFuture<>();
    f.whenComplete((r, t) -> {
      if (f.isCancelled()) {
        handle.cancel();
      }
    });
    executor.execute(() -> {
      if (f.isDone()) {
        return;
      }
      try {
        f.complete(work.apply(handle));
      } catch (Throwable t) {
        f.completeExceptionally(t);
      }
    });
    return f;
  }
}
