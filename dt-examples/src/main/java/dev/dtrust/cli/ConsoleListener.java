package dev.dtrust.cli;

import dev.dtrust.core.engine.EvaluationListener;
import dev.dtrust.core.engine.RunCounters;
import dev.dtrust.core.model.ModelException;
import dev.dtrust.core.perspective.Probe;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Locale;

/**
 * Progress for people: on a terminal, one live line rewritten in place (per perspective: done /
 * total, requests per second, ETA, tokens, cache hits, retries); otherwise a plain line every few
 * seconds, so CI logs stay readable.
 */
final class ConsoleListener implements EvaluationListener {
  private static final long LIVE_EVERY = 200_000_000L;
  private static final long PLAIN_EVERY = 5_000_000_000L;
  /** Failed probes shown per perspective; the rest are counted (report.json has them all). */
  static final int FAILURES_SHOWN = 10;

  private final PrintWriter err;
  private final boolean live;
  private long perspectiveStart = System.nanoTime();
  private long requestsAtStart;
  private long lastPrint;
  private boolean lineOpen;
  private final Map<String, Integer> failures = new HashMap<>();

  ConsoleListener(PrintWriter err, boolean live) {
    this.err = err;
    this.live = live;
  }

  /** Live on an interactive terminal, plain otherwise. */
  static ConsoleListener forConsole(PrintWriter err) {
    return new ConsoleListener(err, System.console() != null && System.getenv("CI") == null);
  }

  @Override
  public synchronized void planned(String perspective, int probes) {
    endLine();
    perspectiveStart = System.nanoTime();
    lastPrint = 0;
    err.printf("%s: %d probes planned%n", perspective, probes);
  }

  @Override
  public synchronized void progress(String perspective, int done, int total, RunCounters c) {
    if (done == 1) {
      requestsAtStart = c.requests();
    }
    long now = System.nanoTime();
    if (done != total && now - lastPrint < (live ? LIVE_EVERY : PLAIN_EVERY)) {
      return;
    }
    lastPrint = now;
    double secs = Math.max(1e-9, (now - perspectiveStart) / 1e9);
    double rate = done / secs;
    String eta = done == total ? "done" : "ETA " + format(Duration.ofSeconds((long) ((total - done) / Math.max(rate, 1e-9))));
    String line = String.format(Locale.ROOT, "%s: %d/%d  %.1f probes/s  %.1f req/s  %s  tokens %d  cache hits %d  retries %d",
        perspective, done, total, rate, (c.requests() - requestsAtStart) / secs, eta,
        c.promptTokens() + c.completionTokens(), c.cacheHits(), c.retries());
    if (live) {
      err.print("\r\033[K" + line);
      lineOpen = done != total;
      if (!lineOpen) {
        err.println();
      }
      err.flush();
    } else {
      err.println(line);
    }
    if (done == total) {
      int hidden = failures.getOrDefault(perspective, 0) - FAILURES_SHOWN;
      if (hidden > 0) {
        err.printf("%s: %d more failed probes not shown (report.json counts them all)%n", perspective, hidden);
      }
    }
  }

  @Override
  public void retry(Probe probe, int attempt, ModelException error, Duration delay) {
    // counted in the progress line; a line per retry would flood the output
  }

  @Override
  public synchronized void failure(Probe probe, String reason) {
    // a replay of a large selection can miss hundreds of thousands of probes: show the first few
    if (failures.merge(probe.perspective(), 1, Integer::sum) > FAILURES_SHOWN) {
      return;
    }
    endLine();
    String shown = reason.length() > 300 ? reason.substring(0, 300) + "…" : reason;
    err.printf("%s/%s %s failed: %s%n", probe.perspective(), probe.scenario(), probe.key(), shown);
  }

  private void endLine() {
    if (lineOpen) {
      err.println();
      lineOpen = false;
    }
  }

  private static String format(Duration d) {
    long s = d.getSeconds();
    return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
        : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
  }
}
