package dev.dtrust.clients.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.model.ChatResponse;
import dev.dtrust.core.model.ModelClient;
import dev.dtrust.core.model.ModelException;
import dev.dtrust.core.model.Usage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The conformance kit: behaviour every {@link ModelClient} in the project shares — role mapping,
 * n samples, usage accounting, error classification, refusal mapping, cancellation. A client's
 * test extends this class and implements the hooks against a fake of its provider (for HTTP
 * clients, a {@link FakeServer}); a user writing their own adapter depends on dt-clients'
 * test-jar and does the same.
 *
 * <p>The hooks arrange what the fake answers next; the kit sends requests through {@link
 * #client()} and checks what comes back.
 */
public abstract class ModelClientConformance {

  /** A failure the fake can be told to produce, and how the client must classify it. */
  public enum Failure {
    /** A per-minute rate limit (429) with {@code Retry-After: 2}: retried, after at least 2 s. */
    RATE_LIMITED(true),
    /** The provider is overloaded (503, or Anthropic's 529): retried. */
    OVERLOADED(true),
    /** An internal server error (500): retried. */
    SERVER_ERROR(true),
    /** The request is malformed (400): never retried. */
    BAD_REQUEST(false),
    /** The key is wrong (401): never retried. */
    UNAUTHORIZED(false),
    /** A quota or spend limit is exhausted (429 with the provider's quota body): never retried. */
    QUOTA_EXHAUSTED(false),
    /** The connection is reset before an answer: retried. */
    CONNECTION_RESET(true);

    final boolean retryable;

    Failure(boolean retryable) {
      this.retryable = retryable;
    }
  }

  /**
   * Answers each of {@code texts} on its own, for fakes of providers that return one sample per
   * call: {@code answerOne} gets a text and its share of {@code total} — an even share, the
   * remainder on the first sample — so that the shares add up to {@code total}.
   */
  protected static void answerEachSample(List<String> texts, Usage total, BiConsumer<String, Usage> answerOne) {
    int n = texts.size();
    for (int i = 0; i < n; i++) {
      answerOne.accept(texts.get(i), new Usage(total.promptTokens() / n + (i == 0 ? total.promptTokens() % n : 0),
          total.completionTokens() / n + (i == 0 ? total.completionTokens() % n : 0)));
    }
  }

  /** The client under test, talking to this test's fake. The same instance across one test. */
  protected abstract ModelClient client();

  /**
   * The next request is answered with these texts (one per sample) and this total usage. The fake
   * serves them as the provider would: one response with n choices, or one response per sample.
   */
  protected abstract void answer(List<String> texts, Usage usage);

  /** The next request is refused by the provider's safety system. */
  protected abstract void refuse();

  /** The next request fails like this. */
  protected abstract void fail(Failure failure);

  /** The next request gets no answer for a long time (at least a minute). */
  protected abstract void stall();

  /**
   * The conversation of the last request the fake received, mapped back to {@link ChatMessage}s:
   * a top-level system prompt becomes a leading {@code system} message, provider roles ({@code
   * model}) become {@code assistant}.
   */
  protected abstract List<ChatMessage> lastConversation() throws Exception;

  /** How many requests the fake has received (HTTP requests for HTTP clients). */
  protected abstract long requestsReceived();

  /** Whether the client can see a server's {@code Retry-After} (adapters over other libraries may not). */
  protected boolean seesRetryAfter() {
    return true;
  }

  /** Whether the client counts HTTP calls ({@link ModelClient#httpCalls()}); false for non-HTTP adapters. */
  protected boolean countsHttpCalls() {
    return true;
  }

  private static final List<ChatMessage> FEW_SHOT =
      List.of(
          ChatMessage.system("You are a helpful assistant."),
          new ChatMessage("system", "Is the sky blue?", "example_user"),
          new ChatMessage("system", "Yes.", "example_assistant"),
          ChatMessage.user("Is grass green?"));

  @Test
  void conformanceRoleMappingKeepsOrderAndFewShotTurns() throws Exception {
    answer(List.of("Yes."), new Usage(20, 2));
    ChatResponse r = client().chat(ChatRequest.of(FEW_SHOT));
    assertEquals(List.of("Yes."), r.texts());
    List<ChatMessage> sent = lastConversation();
    assertEquals(FEW_SHOT.stream().map(ChatMessage::content).toList(), sent.stream().map(ChatMessage::content).toList(),
        "every message is sent, in order");
    assertEquals("system", sent.get(0).role());
    assertTrue(isTurn(sent.get(1), "user", "example_user"), "example_user is a user turn: " + sent.get(1));
    assertTrue(isTurn(sent.get(2), "assistant", "example_assistant"), "example_assistant is an assistant turn: " + sent.get(2));
    assertEquals("user", sent.get(3).role());
  }

  private static boolean isTurn(ChatMessage m, String role, String name) {
    return m.role().equals(role) || (m.role().equals("system") && name.equals(m.name()));
  }

  @Test
  void conformanceNSamplesComeBackInOrder() {
    answer(List.of("one", "two", "three"), new Usage(30, 9));
    ChatResponse r = client().chat(request(3));
    assertEquals(List.of("one", "two", "three"), r.texts());
  }

  @Test
  void conformanceUsageAndHttpCallsAreCounted() {
    long calls0 = client().httpCalls();
    long received0 = requestsReceived();
    answer(List.of("a", "b"), new Usage(14, 4));
    ChatResponse r = client().chat(request(2));
    assertEquals(new Usage(14, 4), r.usage(), "usage summed over every call the request needed");
    if (countsHttpCalls()) {
      assertEquals(requestsReceived() - received0, client().httpCalls() - calls0, "httpCalls counts every request");
    }
  }

  @ParameterizedTest
  @EnumSource(Failure.class)
  void conformanceErrorsAreClassified(Failure failure) {
    fail(failure);
    ModelException e = assertThrows(ModelException.class, () -> client().chat(request(1)));
    assertEquals(failure.retryable, e.retryable(), failure + ": " + e.getMessage());
    if (failure == Failure.RATE_LIMITED && seesRetryAfter()) {
      assertEquals(Duration.ofSeconds(2), e.retryAfter().orElseThrow(), "Retry-After is the minimum wait");
    }
    if (!failure.retryable) {
      assertTrue(e.retryAfter().isEmpty(), "a permanent error asks for no wait");
    }
  }

  @Test
  void conformanceRefusalIsAResponseNotAnError() {
    refuse();
    ChatResponse r = client().chat(request(1));
    assertFalse(r.choices().isEmpty());
    assertTrue(r.choices().get(0).filtered(), "finishReason content_filter: " + r.choices());
  }

  @Test
  void conformanceCancellationStopsTheCallAndLeavesTheClientUsable() throws Exception {
    stall();
    long received = requestsReceived();
    CompletableFuture<ChatResponse> f = client().chatAsync(request(1));
    // cancel only once the stalled call is in flight, so the stalled answer is not left queued
    for (int i = 0; i < 500 && requestsReceived() == received; i++) {
      Thread.sleep(10);
    }
    assertEquals(received + 1, requestsReceived(), "the request reached the fake");
    long t0 = System.nanoTime();
    assertTrue(f.cancel(true));
    assertThrows(CancellationException.class, () -> f.get(5, TimeUnit.SECONDS));
    assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5));
    answer(List.of("still here"), new Usage(5, 2));
    assertEquals(List.of("still here"), client().chatAsync(request(1)).get(10, TimeUnit.SECONDS).texts());
  }

  /** A one-question request with every sampling parameter set. */
  protected static ChatRequest request(int n) {
    return new ChatRequest(List.of(ChatMessage.user("Say something.")), 0.0, 16, 1.0, n == 1 ? null : n, null, null);
  }
}
