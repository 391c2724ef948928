package dev.dtrust.core.engine;

import dev.dtrust.core.model.ChatResponse;
import dev.dtrust.core.perspective.Probe;
import dev.dtrust.core.perspective.ProbeOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What became of each probe of one plan, by plan position, without the probes themselves: a
 * response, or a failure reason. A plan's prompts are most of its size (a full machine-ethics plan
 * holds ~175 million characters of prompt), so the engine keeps only this while it answers, and
 * {@link #replanned} joins it with the plan again, planned afresh, when the perspective scores.
 *
 * <p>Long failure reasons (a replay miss prints its whole request) go to a temporary file, deleted
 * on {@link #close}; each position also keeps a hash of the probe's scenario and key, so a plan that
 * comes out differently the second time fails loudly instead of scoring the wrong answers.
 * Recording is thread-safe.
 */
public final class OutcomeLog implements AutoCloseable {
  /** Reasons longer than this (in chars) are kept on disk. */
  static final int SPILL_OVER = 256;

  private final String perspective;
  private Object[] results;
  private int[] identities;
  private int size;
  private @Nullable FileChannel spill;
  private @Nullable Path spillFile;
  private final List<Stream<Probe>> opened = new ArrayList<>();

  /** A failure reason kept on disk: its UTF-8 bytes at an offset of the spill file. */
  private record Spilled(long offset, int length) {}

  /** A failure reason short enough to keep in memory. */
  private record Failure(String reason) {}

  /**
   * @param perspective the perspective, for messages
   * @param expected    the plan's size if known (a hint for the arrays), else 0
   */
  public OutcomeLog(String perspective, int expected) {
    this.perspective = perspective;
    this.results = new Object[Math.max(16, expected)];
    this.identities = new int[results.length];
  }

  /** Positions recorded (the highest recorded position + 1). */
  public synchronized int size() {
    return size;
  }

  /** Records the outcome of the probe at a plan position. */
  public void record(int position, ProbeOutcome outcome) {
    Object slot;
    if (outcome.response() != null) {
      slot = outcome.response();
    } else {
      String reason = outcome.failure();
      slot = reason.length() > SPILL_OVER ? spill(reason) : new Failure(reason);
    }
    int identity = identity(outcome.probe());
    synchronized (this) {
      if (position >= results.length) {
        int cap = Math.max(position + 1, results.length * 2);
        results = Arrays.copyOf(results, cap);
        identities = Arrays.copyOf(identities, cap);
      }
      results[position] = slot;
      identities[position] = identity;
      size = Math.max(size, position + 1);
    }
  }

  private synchronized Spilled spill(String reason) {
    byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
    try {
      if (spill == null) {
        spillFile = Files.createTempFile("dtrust-failures-", ".txt");
        spill = FileChannel.open(spillFile, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
      }
      long offset = spill.size();
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        spill.write(buf, offset + buf.position());
      }
      return new Spilled(offset, bytes.length);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the failure reasons of " + perspective + " to " + spillFile, e);
    }
  }

  /** The outcome at a position, joined with its probe (which must be the one recorded there). */
  public ProbeOutcome outcome(int position, Probe probe) {
    Object slot;
    int identity;
    synchronized (this) {
      if (position >= size || results[position] == null) {
        throw new IllegalStateException(perspective + ": no outcome recorded at plan position " + position);
      }
      slot = results[position];
      identity = identities[position];
    }
    if (identity != identity(probe)) {
      throw new IllegalStateException(perspective + ": the plan changed between answering and scoring: position "
          + position + " is now " + probe.scenario() + " " + probe.key());
    }
    if (slot instanceof ChatResponse r) {
      return ProbeOutcome.answered(probe, r);
    }
    if (slot instanceof Failure f) {
      return ProbeOutcome.failed(probe, f.reason());
    }
    return ProbeOutcome.failed(probe, read((Spilled) slot));
  }

  private String read(Spilled s) {
    ByteBuffer buf = ByteBuffer.allocate(s.length());
    FileChannel ch;
    synchronized (this) {
      ch = spill;
    }
    try {
      while (buf.hasRemaining()) {
        if (ch.read(buf, s.offset() + buf.position()) < 0) {
          throw new IOException("unexpected end of file");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read back a failure reason of " + perspective + " from " + spillFile, e);
    }
    return new String(buf.array(), StandardCharsets.UTF_8);
  }

  /** The outcomes of a plan held in memory, in its order. */
  public List<ProbeOutcome> over(List<Probe> probes) {
    requireSize(probes.size());
    List<ProbeOutcome> out = new ArrayList<>(probes.size());
    for (int i = 0; i < probes.size(); i++) {
      out.add(outcome(i, probes.get(i)));
    }
    return out;
  }

  /**
   * The outcomes as a list that plans again each time it is iterated and joins each probe with its
   * recorded outcome, so no more than one probe is held at a time. Iterate it (as scorers do); {@code
   * get(i)} works but plans again up to position {@code i}. Streams it opens are closed when fully
   * iterated, or by {@link #close}.
   *
   * @param plan plans the same probes, in the same order, as the plan that was answered
   */
  public List<ProbeOutcome> replanned(Supplier<Stream<Probe>> plan) {
    int n = size();
    return new AbstractList<>() {
      @Override
      public int size() {
        return n;
      }

      @Override
      public ProbeOutcome get(int index) {
        if (index < 0 || index >= n) {
          throw new IndexOutOfBoundsException(index);
        }
        try (Stream<Probe> s = plan.get()) {
          Iterator<Probe> probes = s.iterator();
          for (int i = 0; i < index; i++) {
            probes.next();
          }
          return outcome(index, probes.next());
        }
      }

      @Override
      public Iterator<ProbeOutcome> iterator() {
        Stream<Probe> s = plan.get();
        synchronized (OutcomeLog.this) {
          opened.add(s);
        }
        Iterator<Probe> probes = s.iterator();
        return new Iterator<>() {
          private int position;

          @Override
          public boolean hasNext() {
            if (position < n) {
              return true;
            }
            if (probes.hasNext()) {
              throw new IllegalStateException(perspective + ": the plan changed between answering and scoring: it has more than "
                  + n + " probes now");
            }
            s.close();
            return false;
          }

          @Override
          public ProbeOutcome next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            if (!probes.hasNext()) {
              throw new IllegalStateException(perspective + ": the plan changed between answering and scoring: it has "
                  + position + " probes now, " + n + " were answered");
            }
            return outcome(position++, probes.next());
          }
        };
      }
    };
  }

  private void requireSize(int n) {
    if (n != size()) {
      throw new IllegalStateException(perspective + ": " + size() + " outcomes recorded for " + n + " probes");
    }
  }

  private static int identity(Probe p) {
    return 31 * p.scenario().hashCode() + p.key().hashCode();
  }

  /** Deletes the spilled reasons and closes the plans still open. */
  @Override
  public synchronized void close() {
    opened.forEach(Stream::close);
    opened.clear();
    if (spill != null) {
      try {
        spill.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        spill = null;
      }
    }
  }
}
