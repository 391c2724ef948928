package dev.dtrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.core.engine.RunCounters;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.perspective.Probe;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleListenerTest {
  @Test
  void aFloodOfFailuresShowsTheFirstFewAndCountsTheRest() {
    StringWriter text = new StringWriter();
    ConsoleListener l = new ConsoleListener(new PrintWriter(text, true), false);
    l.planned("privacy", 1000);
    for (int i = 0; i < 1000; i++) {
      l.failure(probe("privacy", i), "replay: no recorded answer");
    }
    l.failure(probe("fairness", 0), "replay: no recorded answer");
    l.progress("privacy", 1000, 1000, new RunCounters());
    List<String> lines = text.toString().lines().toList();
    assertEquals(ConsoleListener.FAILURES_SHOWN + 1,
        lines.stream().filter(s -> s.contains(" failed: replay: no recorded answer")).count(), text.toString());
    assertTrue(lines.contains("fairness/s k0 failed: replay: no recorded answer"), text.toString());
    assertTrue(lines.contains("privacy: 990 more failed probes not shown (report.json counts them all)"), text.toString());
  }

  private static Probe probe(String perspective, int i) {
    ChatRequest request = new ChatRequest(List.of(ChatMessage.user("q" + i)), 0.0, 10, null, 1, null, null);
    return new Probe(perspective, "s", "k" + i, request, Map.of());
  }
}
