package dev.dtrust.clients.replay;

import dev.dtrust.core.engine.DigestTable;
import dev.dtrust.core.engine.ProbeAwareClient;
import dev.dtrust.core.json.CanonicalJson;
import dev.dtrust.core.json.Sha256;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.model.ChatResponse;
import dev.dtrust.core.model.ModelException;
import dev.dtrust.core.perspective.Perspective;
import dev.dtrust.core.perspective.Probe;
import dev.dtrust.core.perspective.RecordingSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A model that answers from upstream's recorded generation files (DESIGN.md §9). Each perspective
 * feeds its recordings through {@link Perspective#readRecordings}; a probe is matched by its exact
 * message list (role, content, name) and its occurrence among identical requests, or by position
 * for perspectives whose recordings hold no prompts. Strict: a probe with no recording fails with
 * an error that prints the request, never a made-up answer.
 */
public final class ReplayClient implements ProbeAwareClient {
  private static final int MAX_PRINTED = 2000;

  private final Path root;
  private final Map<String, Index> byPerspective = new ConcurrentHashMap<>();
  private final Map<String, Perspective> perspectives = new HashMap<>();
  private final AtomicLong misses = new AtomicLong();

  private ReplayClient(Path root, List<Perspective> perspectives) {
    this.root = root;
    for (Perspective p : perspectives) {
      this.perspectives.put(p.id(), p);
    }
  }

  /**
   * A replay client over a generations folder (the one holding {@code <perspective>/…}) for the
   * given perspectives. Each perspective's recordings are indexed when first asked for.
   */
  public static ReplayClient open(Path generationsRoot, List<Perspective> perspectives) {
    if (!Files.isDirectory(generationsRoot)) {
      throw new IllegalArgumentException("replay: " + generationsRoot + " is not a folder");
    }
    return new ReplayClient(generationsRoot, perspectives);
  }

  /** How many probes found no recording. */
  public long misses() {
    return misses.get();
  }

  @Override
  public String modelId() {
    return "replay";
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    throw ModelException.permanent("replay answers probes only (it needs the probe's perspective)");
  }

  @Override
  public ChatResponse answer(Probe probe, int occurrence) {
    Index index = index(probe.perspective());
    Object position = probe.attribute(Probe.REPLAY_POSITION);
    List<String> samples;
    if (position != null) {
      synchronized (index) {
        samples = index.positional.get(position.toString());
      }
      if (samples == null) {
        throw miss(probe, "no recording at position " + position);
      }
    } else {
      List<List<String>> recs = index.byMessages(probe.request().messages());
      if (recs == null || occurrence >= recs.size()) {
        throw miss(
            probe,
            recs == null
                ? "no recording of this prompt"
                : "the prompt is recorded " + recs.size() + " times, this is occurrence " + (occurrence + 1));
      }
      samples = recs.get(occurrence);
    }
    int n = probe.request().samples();
    if (samples.size() < n) {
      throw miss(probe, "the recording has " + samples.size() + " samples, the probe asks for " + n);
    }
    return ChatResponse.ofTexts(samples.subList(0, n));
  }

  private ModelException miss(Probe probe, String why) {
    misses.incrementAndGet();
    String request = CanonicalJson.ofRequest(probe.request());
    if (request.length() > MAX_PRINTED) {
      request = request.substring(0, MAX_PRINTED) + "…";
    }
    return ModelException.permanent(
        "replay miss (" + why + "): " + probe.perspective() + "/" + probe.scenario() + " " + probe.key() + " request " + request);
  }

  private Index index(String perspective) {
    return byPerspective.computeIfAbsent(
        perspective,
        id -> {
          Perspective p = perspectives.get(id);
          Index idx = new Index();
          if (p != null) {
            try {
              p.readRecordings(root, idx);
            } catch (IOException e) {
              throw new UncheckedIOException("replay: cannot read the " + id + " recordings under " + root, e);
            }
          }
          return idx;
        });
  }

  /**
   * The recordings of one perspective. Prompts are indexed by the SHA-256 of their canonical JSON,
   * not by the JSON itself: the recorded prompts of a perspective run to tens of megabytes, their
   * digests to 32 bytes each. Matching by digest is matching by exact message list.
   */
  private static final class Index implements RecordingSink {
    private final DigestTable byDigest = new DigestTable();
    private final List<List<List<String>>> recordings = new ArrayList<>();
    final Map<String, List<String>> positional = new HashMap<>();

    @Nullable List<List<String>> byMessages(List<ChatMessage> messages) {
      byte[] d = digest(messages);
      synchronized (this) {
        int id = byDigest.get(d);
        return id == DigestTable.ABSENT ? null : recordings.get(id);
      }
    }

    @Override
    public void byMessages(List<ChatMessage> messages, List<String> samples) {
      byte[] d = digest(messages);
      List<String> copy = List.copyOf(samples);
      synchronized (this) {
        int id = byDigest.get(d);
        if (id == DigestTable.ABSENT) {
          id = recordings.size();
          byDigest.put(d, id);
          recordings.add(new ArrayList<>(1));
        }
        recordings.get(id).add(copy);
      }
    }

    @Override
    public synchronized void byPosition(String fileKey, int index, List<String> samples) {
      positional.put(fileKey + "#" + index, List.copyOf(samples));
    }

    private static byte[] digest(List<ChatMessage> messages) {
      return Sha256.digest().digest(CanonicalJson.ofMessages(messages).getBytes(StandardCharsets.UTF_8));
    }
  }
}
