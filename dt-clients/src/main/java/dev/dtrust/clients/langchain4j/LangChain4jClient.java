package dev.dtrust.clients.langchain4j;

import dev.dtrust.clients.http.ProviderErrors;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.model.ChatRequest;
import dev.dtrust.core.model.ChatResponse;
import dev.dtrust.core.model.Choice;
import dev.dtrust.core.model.ModelClient;
import dev.dtrust.core.model.ModelException;
import dev.dtrust.core.model.Usage;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Any LangChain4j {@link ChatModel} as a {@link ModelClient}, so a team already on LangChain4j
 * evaluates its configured model in one line: {@code LangChain4jClient.of("my-model", chatModel)}.
 *
 * <p>LangChain4j is an optional dependency of dt-clients: add {@code
 * dev.langchain4j:langchain4j-core} (and your provider's module) to use this class. Roles: unnamed
 * system messages stay {@link SystemMessage}s; upstream's few-shot {@code example_user} / {@code
 * example_assistant} become {@link UserMessage} / {@link AiMessage} (recorded under {@code
 * role_mapping}). {@code n} is emulated by repeated calls. LangChain4j's exceptions are
 * classified: {@link RetriableException}s (rate limit, timeout, server error) are retryable
 * unless the message is an exhausted quota; {@link NonRetriableException}s are permanent; an
 * {@link HttpException} follows the shared status table; {@link ContentFilteredException} is a
 * refusal response. The wrapped model does its own HTTP, so {@link #httpCalls()} is 0 and the
 * request's seed is not passed (LangChain4j's portable parameters have none). Set the wrapped
 * model's own retries to 0 ({@code maxRetries(0)}): the engine retries, with backoff.
 */
public final class LangChain4jClient implements ModelClient {
  private final String modelId;
  private final ChatModel model;

  private LangChain4jClient(String modelId, ChatModel model) {
    this.modelId = Objects.requireNonNull(modelId, "modelId");
    this.model = Objects.requireNonNull(model, "model");
  }

  /** Wraps {@code model}; {@code modelId} names it in cache keys and reports. */
  public static LangChain4jClient of(String modelId, ChatModel model) {
    return new LangChain4jClient(modelId, model);
  }

  @Override
  public String modelId() {
    return modelId;
  }

  @Override
  public boolean supportsMultipleChoices() {
    return false;
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    List<String> mapping = new ArrayList<>();
    dev.langchain4j.model.chat.request.ChatRequest lc = toLangChain4j(request, mapping);
    List<Choice> choices = new ArrayList<>();
    Usage usage = Usage.NONE;
    Map<String, String> meta = new LinkedHashMap<>();
    for (int s = 0; s < request.samples(); s++) {
      dev.langchain4j.model.chat.response.ChatResponse r;
      try {
        r = model.chat(lc);
      } catch (ContentFilteredException refused) {
        choices.add(new Choice("", "content_filter"));
        continue;
      } catch (RuntimeException e) {
        throw classify(e);
      }
      AiMessage ai = r.aiMessage();
      choices.add(new Choice(ai == null || ai.text() == null ? "" : ai.text(), finishReason(r.finishReason())));
      TokenUsage t = r.tokenUsage();
      if (t != null) {
        usage = usage.plus(new Usage(orZero(t.inputTokenCount()), orZero(t.outputTokenCount())));
      }
      if (r.modelName() != null) {
        meta.put("model", r.modelName());
      }
    }
    if (!mapping.isEmpty()) {
      meta.put("role_mapping", String.join(";", mapping));
    }
    return new ChatResponse(choices, usage, meta);
  }

  static dev.langchain4j.model.chat.request.ChatRequest toLangChain4j(ChatRequest request, List<String> mapping) {
    List<dev.langchain4j.data.message.ChatMessage> messages = new ArrayList<>();
    for (int i = 0; i < request.messages().size(); i++) {
      ChatMessage m = request.messages().get(i);
      if (m.role().equals("system") && "example_user".equals(m.name())) {
        messages.add(UserMessage.from(m.content()));
        mapping.add(i + ":system/example_user->user");
      } else if (m.role().equals("system") && "example_assistant".equals(m.name())) {
        messages.add(AiMessage.from(m.content()));
        mapping.add(i + ":system/example_assistant->ai");
      } else if (m.role().equals("system")) {
        messages.add(SystemMessage.from(m.content()));
      } else if (m.role().equals("assistant")) {
        messages.add(AiMessage.from(m.content()));
      } else if (m.name() != null) {
        messages.add(UserMessage.from(m.name(), m.content()));
      } else {
        messages.add(UserMessage.from(m.content()));
      }
    }
    var b = dev.langchain4j.model.chat.request.ChatRequest.builder().messages(messages);
    if (request.temperature() != null) {
      b.temperature(request.temperature());
    }
    if (request.topP() != null) {
      b.topP(request.topP());
    }
    if (request.maxTokens() != null) {
      b.maxOutputTokens(request.maxTokens());
    }
    if (request.stop() != null && !request.stop().isEmpty()) {
      b.stopSequences(request.stop());
    }
    return b.build();
  }

  static ModelException classify(RuntimeException e) {
    String message = "langchain4j " + e.getClass().getSimpleName() + ": " + e.getMessage();
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (e instanceof HttpException h) {
      boolean quota = h.statusCode() == 429 && ProviderErrors.isQuotaMessage(h.getMessage());
      return new ModelException(message, !quota && ProviderErrors.retryableStatus(h.statusCode()), null, h.statusCode(), null);
    }
    if (e instanceof RateLimitException) {
      return new ModelException(message, !ProviderErrors.isQuotaMessage(e.getMessage()), null, 429, null);
    }
    if (e instanceof RetriableException) {
      return new ModelException(message, true, null, 0, null);
    }
    if (e instanceof NonRetriableException) {
      return new ModelException(message, false, null, 0, null);
    }
    if (e instanceof UncheckedIOException || root instanceof IOException) {
      return new ModelException(message, true, null, 0, null);
    }
    return new ModelException(message, false, null, 0, null);
  }

  private static String finishReason(FinishReason r) {
    if (r == null) {
      return null;
    }
    return switch (r) {
      case STOP -> "stop";
      case LENGTH -> "length";
      case CONTENT_FILTER -> "content_filter";
      case TOOL_EXECUTION -> "tool_calls";
      default -> "other";
    };
  }

  private static long orZero(Integer i) {
    return i == null ? 0 : i;
  }

  @Override
  public String toString() {
    return "LangChain4jClient[model=" + modelId + ", " + model.getClass().getSimpleName() + "]";
  }
}
