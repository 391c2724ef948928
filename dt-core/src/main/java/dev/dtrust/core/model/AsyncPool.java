package dev.dtrust.core.model;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The daemon pool behind {@link ModelClient#chatAsync(ChatRequest)}. */
final class AsyncPool {
  private static final AtomicInteger COUNT = new AtomicInteger();

  static final Executor EXECUTOR =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "dtrust-async-" + COUNT.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  private AsyncPool() {}
}
