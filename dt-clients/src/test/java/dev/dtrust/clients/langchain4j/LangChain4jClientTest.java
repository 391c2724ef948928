package dev.dtrust.clients.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dtrust.clients.testing.ModelClientConformance;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.model.ModelClient;
import dev.dtrust.core.model.ModelException;
import dev.dtrust.core.model.Usage;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LangChain4jClientTest extends ModelClientConformance {
  final ConcurrentLinkedQueue<Supplier<dev.langchain4j.model.chat.response.ChatResponse>> next = new ConcurrentLinkedQueue<>();
  final List<dev.langchain4j.model.chat.request.ChatRequest> seen = new ArrayList<>();
  final AtomicLong received = new AtomicLong();
  final CountDownLatch release = new CountDownLatch(1);

  final ChatModel fake = new ChatModel() {
    @Override
    public dev.langchain4j.model.chat.response.ChatResponse doChat(dev.langchain4j.model.chat.request.ChatRequest request) {
      received.incrementAndGet();
      synchronized (seen) {
        seen.add(request);
      }
      Supplier<dev.langchain4j.model.chat.response.ChatResponse> s = next.poll();
      if (s == null) {
        throw new IllegalStateException("the fake has no answer queued");
      }
      return s.get();
    }
  };

  final LangChain4jClient client = LangChain4jClient.of("my-lc4j-model", fake);

  @AfterEach
  void releaseStalled() {
    release.countDown();
  }

  static dev.langchain4j.model.chat.response.ChatResponse response(String text, FinishReason finish, int in, int out) {
    return dev.langchain4j.model.chat.response.ChatResponse.builder().aiMessage(AiMessage.from(text))
        .finishReason(finish).tokenUsage(new TokenUsage(in, out)).modelName("gpt-4o-mini-2024-07-18").build();
  }

  @Override
  protected ModelClient client() {
    return client;
  }

  @Override
  protected void answer(List<String> texts, Usage usage) {
    answerEachSample(texts, usage, (text, share) -> next.add(
        () -> response(text, FinishReason.STOP, (int) share.promptTokens(), (int) share.completionTokens())));
  }

  @Override
  protected void refuse() {
    next.add(() -> {
      throw new ContentFilteredException("The response was filtered due to the prompt triggering content management policy.");
    });
  }

  @Override
  protected void fail(Failure failure) {
    next.add(() -> {
      throw switch (failure) {
        case RATE_LIMITED -> new RateLimitException("Rate limit reached for requests");
        case OVERLOADED -> new HttpException(529, "Overloaded");
        case SERVER_ERROR -> new InternalServerException("The server had an error while processing your request.");
        case BAD_REQUEST -> new InvalidRequestException("Invalid type for 'temperature'");
        case UNAUTHORIZED -> new AuthenticationException("Incorrect API key provided");
        case QUOTA_EXHAUSTED -> new RateLimitException("You exceeded your current quota (insufficient_quota)");
        case CONNECTION_RESET -> new TimeoutException(new java.net.SocketException("Connection reset"));
      };
    });
  }

  @Override
  protected void stall() {
    next.add(() -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return response("late", FinishReason.STOP, 1, 1);
    });
  }

  @Override
  protected List<ChatMessage> lastConversation() {
    dev.langchain4j.model.chat.request.ChatRequest last;
    synchronized (seen) {
      last = seen.get(seen.size() - 1);
    }
    List<ChatMessage> out = new ArrayList<>();
    for (dev.langchain4j.data.message.ChatMessage m : last.messages()) {
      if (m instanceof SystemMessage s) {
        out.add(ChatMessage.system(s.text()));
      } else if (m instanceof UserMessage u) {
        out.add(new ChatMessage("user", u.singleText(), u.name()));
      } else if (m instanceof AiMessage a) {
        out.add(ChatMessage.assistant(a.text()));
      }
    }
    return out;
  }

  @Override
  protected long requestsReceived() {
    return received.get();
  }

  @Override
  protected boolean seesRetryAfter() {
    return false;
  }

  @Override
  protected boolean countsHttpCalls() {
    return false;
  }

  @Test
  void samplingParametersArePassed() {
    answer(List.of("ok"), new Usage(1, 1));
    client.chat(new ChatRequest(List.of(ChatMessage.user("u")), 0.3, 40, 0.8, null, List.of("STOP"), 1L));
    var p = seen.get(0).parameters();
    assertEquals(0.3, p.temperature());
    assertEquals(0.8, p.topP());
    assertEquals(40, p.maxOutputTokens());
    assertEquals(List.of("STOP"), p.stopSequences());
  }

  @Test
  void lengthFinishAndModelNameAreKept() {
    next.add(() -> response("cut", FinishReason.LENGTH, 3, 40));
    var r = client.chat(request(1));
    assertEquals("length", r.choices().get(0).finishReason());
    assertEquals("gpt-4o-mini-2024-07-18", r.metadata().get("model"));
  }

  @Test
  void anHttpExceptionFollowsTheStatusTable() {
    next.add(() -> {
      throw new HttpException(404, "model not found");
    });
    ModelException e = assertThrows(ModelException.class, () -> client.chat(request(1)));
    assertFalse(e.retryable());
    assertEquals(404, e.status());
  }

  @Test
  void anUnknownRuntimeExceptionIsPermanentAndWrapped() {
    next.add(() -> {
      throw new IllegalStateException("bug in a custom model");
    });
    assertInstanceOf(ModelException.class, assertThrows(RuntimeException.class, () -> client.chat(request(1))));
  }
}
