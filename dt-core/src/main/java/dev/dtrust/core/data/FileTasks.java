package dev.dtrust.core.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one task per input file on the machine's cores and returns the results in input order.
 *
 * <p>Reading and parsing recorded files is most of a rescore; files are independent, so they are
 * read in parallel while everything order-dependent (counting, picking examples) stays sequential
 * in the caller. A task's exception reaches the caller unchanged — the same {@link DataException}
 * (file, line, field) a sequential loop would throw — and when several tasks fail, the one of the
 * earliest input wins, as in a sequential loop.
 */
public final class FileTasks {
  private static final ExecutorService POOL = Executors.newCachedThreadPool(new ThreadFactoryImpl());

  private FileTasks() {}

  /** A task over one input that may fail with an {@link IOException}. */
  @FunctionalInterface
  public interface Task<T, R> {
    /** The result for one input. */
    R apply(T input) throws IOException;
  }

  /**
   * Applies {@code task} to every input, at most {@code availableProcessors} at once, and returns
   * the results in input order.
   */
  public static <T, R> List<R> map(List<T> inputs, Task<T, R> task) throws IOException {
    int workers = Math.min(inputs.size(), Runtime.getRuntime().availableProcessors());
    if (workers <= 1) {
      List<R> out = new ArrayList<>(inputs.size());
      for (T in : inputs) {
        out.add(task.apply(in));
      }
      return out;
    }
    AtomicInteger next = new AtomicInteger();
    Object[] results = new Object[inputs.size()];
    Throwable[] errors = new Throwable[inputs.size()];
    List<Future<?>> running = new ArrayList<>(workers);
    for (int w = 0; w < workers; w++) {
      running.add(POOL.submit(() -> {
        // each worker takes the next input; after a failure, later inputs are not started
        for (int i = next.getAndIncrement(); i < inputs.size(); i = next.getAndIncrement()) {
          try {
            results[i] = task.apply(inputs.get(i));
          } catch (IOException | RuntimeException | Error e) {
            errors[i] = e;
            next.set(inputs.size());
          }
        }
      }));
    }
    for (Future<?> f : running) {
      await(f);
    }
    for (Throwable e : errors) {
      if (e instanceof IOException io) {
        throw io;
      }
      if (e instanceof RuntimeException re) {
        throw re;
      }
      if (e instanceof Error err) {
        throw err;
      }
    }
    List<R> out = new ArrayList<>(inputs.size());
    for (Object r : results) {
      @SuppressWarnings("unchecked")
      R typed = (R) r;
      out.add(typed);
    }
    return out;
  }

  private static void await(Future<?> f) {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading files", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause()); // not reached: workers catch their failures
    }
  }

  private static final class ThreadFactoryImpl implements java.util.concurrent.ThreadFactory {
    private final AtomicInteger n = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "dt-files-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
