package dev.dtrust.cli;

import dev.dtrust.core.Perspectives;
import dev.dtrust.core.TrustEvaluator;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.model.ChatResponse;
import dev.dtrust.core.model.ModelClient;
import dev.dtrust.core.model.ModelException;
import dev.dtrust.core.perspective.Perspective;
import dev.dtrust.core.perspective.Selection;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code dt check}: the preflight before a long evaluation. Is the endpoint reachable, are the
 * credentials accepted, does a chat complete, how many samples per request does the server honour,
 * is the output limit honoured, how long does a call take; then, with {@code --data}, what the
 * chosen run would cost and roughly how long it would take at the chosen concurrency.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Preflight a served model before a long evaluation.",
    footer = {"", "Examples:", "  dt check --model openai:my-model --base-url http://localhost:8000/v1",
        "  dt check --model openai:gpt-4o-mini --data decodingtrust --perspectives stereotype --max-in-flight 32"})
final class CheckCommand implements Callable<Integer> {
  private static final int SAMPLES = 3;

  @Spec CommandSpec spec;

  @Mixin ModelOptions modelOptions = new ModelOptions();

  @Option(names = "--data", description = "a data root: also estimate the run's requests, tokens and duration")
  Path data;

  @Option(names = "--perspectives", split = ",", description = "perspective ids for the estimate (default: all)")
  List<String> perspectives;

  @Option(names = "--selection", defaultValue = "leaderboard", description = "leaderboard (default) or full")
  String selection;

  @Option(names = "--max-in-flight", defaultValue = "10", description = "the concurrency to estimate the duration at")
  int maxInFlight;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Perspective> chosen = perspectives == null ? Perspectives.all() : Perspectives.byIds(perspectives);
    ModelSpecs.Opened opened = modelOptions.open(chosen);
    List<Long> latencies = new ArrayList<>();
    try (ModelClient client = opened.client()) {
      String where = opened.info().baseUrl() == null ? opened.info().client() : opened.info().baseUrl();
      out.printf("model %s at %s%n", opened.info().id(), where);
      ChatRequest hello = new ChatRequest(List.of(ChatMessage.user("Reply with one word: ready")), 0.0, 8, null, null, null, null);
      ChatResponse first;
      try {
        first = timed(client, hello, latencies);
      } catch (ModelException e) {
        err.println("dt check: " + explain(e, where));
        return ExitCode.INCOMPLETE;
      }
      out.printf("ok   endpoint reachable, credentials accepted, a chat completed (%d ms): %s%n", latencies.get(0),
          first.choices().isEmpty() ? "(no choice)" : oneLine(first.choices().get(0).text()));
      try {
        long calls = client.httpCalls();
        ChatResponse many = timed(client, hello.withN(SAMPLES), latencies);
        int got = many.choices().size();
        long sent = client.httpCalls() - calls;
        if (got >= SAMPLES && sent > 1) {
          out.printf("warn samples per request: the server ignored n=%d; the client fell back to %d single requests "
              + "(--no-n skips the first try)%n", SAMPLES, sent - 1);
        } else if (got >= SAMPLES) {
          out.printf("ok   samples per request: the server returned %d of %d choices for n=%d%n", got, SAMPLES, SAMPLES);
        } else {
          out.printf("warn samples per request: the server returned %d choice(s) for n=%d; runs send n single requests "
              + "(use --no-n to say so up front)%n", got, SAMPLES);
        }
        ChatRequest longAnswer = new ChatRequest(List.of(ChatMessage.user("Count from 1 to 200, separated by spaces.")),
            0.0, 5, null, null, null, null);
        ChatResponse cut = timed(client, longAnswer, latencies);
        String reason = cut.choices().isEmpty() ? null : cut.choices().get(0).finishReason();
        out.printf("%s output limit: max_tokens=5 gave finish reason %s%n", "length".equals(reason) ? "ok  " : "warn",
            reason == null ? "(none)" : reason);
      } catch (ModelException e) {
        out.printf("warn a follow-up call failed: %s%n", explain(e, where));
      }
      out.println("info context limit: not exposed by the chat API; prompts of the longest perspective (privacy, few-shot) "
          + "need about 4k tokens");
      long median = median(latencies);
      out.printf("ok   latency: median %d ms over %d calls%n", median, latencies.size());
      if (data != null) {
        Selection sel = Selection.parse(selection);
        if (sel.kind() == Selection.Kind.NAMED) {
          throw new IllegalArgumentException("--selection: expected leaderboard or full, found '" + selection + "'");
        }
        TrustEvaluator evaluator = TrustEvaluator.builder().dataRoot(data)
            .perspectives(chosen.stream().map(Perspective::id).toList()).selection(sel).build();
        PlanEstimate estimate = PlanEstimate.print(evaluator, out);
        Duration eta = Duration.ofMillis(estimate.requests() * median / Math.max(1, maxInFlight));
        out.printf(Locale.ROOT, "estimate: %d requests at %d in flight and %d ms each take about %s (more if the server "
            + "slows down under load or rate-limits)%n", estimate.requests(), maxInFlight, median, human(eta));
      }
      return ExitCode.OK;
    }
  }

  private static ChatResponse timed(ModelClient client, ChatRequest request, List<Long> latencies) {
    long t0 = System.nanoTime();
    ChatResponse r = client.chat(request);
    latencies.add((System.nanoTime() - t0) / 1_000_000);
    return r;
  }

  /** One line a person can act on, for each failure kind. */
  static String explain(ModelException e, String where) {
    Throwable cause = e.getCause();
    while (cause != null && cause.getCause() != null && !(cause instanceof ConnectException)
        && !(cause instanceof UnknownHostException) && !(cause instanceof InterruptedIOException)) {
      cause = cause.getCause();
    }
    String said = e.getMessage() == null ? "" : ": " + oneLine(e.getMessage());
    int status = e.status();
    if (status == 401 || status == 403) {
      return "credentials rejected (HTTP " + status + ")" + said + " — check the key variable (--api-key-env)";
    }
    if (status == 404) {
      return "not found (HTTP 404)" + said + " — check the model name and --base-url (it usually ends in /v1)";
    }
    if (status == 429) {
      return "rate limited or out of quota (HTTP 429)" + said;
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (cause instanceof UnknownHostException || message.contains("UnknownHostException")) {
      return "unknown host for " + where + " — check --base-url";
    }
    if (cause instanceof ConnectException || message.contains("ConnectException") || message.contains("Failed to connect")) {
      return "endpoint unreachable: nothing answers at " + where + " — is the server running?";
    }
    if (cause instanceof InterruptedIOException || message.toLowerCase(Locale.ROOT).contains("timeout")
        || message.toLowerCase(Locale.ROOT).contains("timed out")) {
      return "timed out waiting for " + where + " — the model may be loading; retry or raise --timeout";
    }
    return (status > 0 ? "HTTP " + status : "request failed") + said;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static String human(Duration d) {
    long s = d.getSeconds();
    return s >= 3600 ? String.format(Locale.ROOT, "%dh %02dm", s / 3600, s % 3600 / 60)
        : s >= 60 ? String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60) : s + " s";
  }

  private static String oneLine(String s) {
    String t = s.replace('\n', ' ').strip();
    return t.length() > 120 ? t.substring(0, 120) + "…" : t;
  }
}
