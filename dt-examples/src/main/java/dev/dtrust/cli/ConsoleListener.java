package dev.dtrust.cli;

import dev.dtrust.core.engine.EvaluationListener;
import dev.dtrust.core.engine.RunCounters;
import dev.dtrust.core.model.ModelException;
import dev.dtrust.core.perspective.Probe;
import java.io.PrintWriter;
import java.time.Duration;

/** Prints progress lines: at most one every two seconds, and when a perspective finishes. */
final class ConsoleListener implements EvaluationListener {
  private final PrintWriter err;
  private final long started = System.nanoTime();
  private volatile long lastPrint;

  ConsoleListener(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void planned(String perspective, int probes) {
    err.printf("%s: %d probes planned%n", perspective, probes);
  }

  @Override
  public synchronized void progress(String perspective, int done, int total, RunCounters c) {
    long now = System.nanoTime();
    if (done == total || now - lastPrint > 2_000_000_000L) {
      lastPrint = now;
      double secs = Math.max(1e-9, (now - started) / 1e9);
      err.printf("%s: %d/%d  %.1f req/s  cache hits %d  retries %d  tokens %d%n",
          perspective, done, total, c.requests() / secs, c.cacheHits(), c.retries(), c.promptTokens() + c.completionTokens());
    }
  }

  @Override
  public void retry(Probe probe, int attempt, ModelException error, Duration delay) {
    // progress lines count retries; a line per retry would flood the terminal
  }

  @Override
  public void failure(Probe probe, String reason) {
    err.printf("%s/%s %s failed: %s%n", probe.perspective(), probe.scenario(), probe.key(), reason);
  }
}
