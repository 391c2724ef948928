package dev.dtrust.clients.openai;

import java.util.List;

/** Response bodies shaped like OpenAI's (API reference, chat completions and error codes). */
final class OpenAiBodies {
  private OpenAiBodies() {}

  static String completion(List<String> texts, long prompt, long completion, String finish) {
    StringBuilder choices = new StringBuilder();
    for (int i = 0; i < texts.size(); i++) {
      if (i > 0) {
        choices.append(',');
      }
      String content = texts.get(i) == null ? "null" : "\"" + texts.get(i) + "\"";
      choices.append("{\"index\":").append(i)
          .append(",\"message\":{\"role\":\"assistant\",\"content\":").append(content)
          .append(",\"refusal\":null,\"annotations\":[]},\"logprobs\":null,\"finish_reason\":\"")
          .append(finish).append("\"}");
    }
    return "{\"id\":\"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT\",\"object\":\"chat.completion\",\"created\":1741569952,"
        + "\"model\":\"gpt-4.1-2025-04-14\",\"choices\":[" + choices + "],"
        + "\"usage\":{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + completion + ",\"total_tokens\":"
        + (prompt + completion) + ",\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},"
        + "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
        + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}},"
        + "\"service_tier\":\"default\",\"system_fingerprint\":\"fp_44709d6fcb\"}";
  }

  static String completion(List<String> texts, long prompt, long completion) {
    return completion(texts, prompt, completion, "stop");
  }

  static String error(String message, String type, String param, String code) {
    return "{\n  \"error\": {\n    \"message\": \"" + message + "\",\n    \"type\": \"" + type + "\",\n    \"param\": "
        + (param == null ? "null" : "\"" + param + "\"") + ",\n    \"code\": " + (code == null ? "null" : "\"" + code + "\"")
        + "\n  }\n}\n";
  }

  static final String RATE_LIMIT = error(
      "Rate limit reached for gpt-4.1 in organization org-abc on requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in 120ms.",
      "requests", null, "rate_limit_exceeded");
  static final String QUOTA = error(
      "You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.",
      "insufficient_quota", null, "insufficient_quota");
  static final String SERVER_ERROR = error(
      "The server had an error while processing your request. Sorry about that!", "server_error", null, null);
  static final String OVERLOADED = error(
      "The engine is currently overloaded, please try again later.", "server_error", null, null);
  static final String BAD_REQUEST = error(
      "Invalid type for 'temperature': expected a decimal, but got a string instead.", "invalid_request_error", "temperature", "invalid_type");
  static final String MAX_TOKENS_UNSUPPORTED = error(
      "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
      "invalid_request_error", "max_tokens", "unsupported_parameter");

  static String unauthorized(String shownKey) {
    return error("Incorrect API key provided: " + shownKey
        + ". You can find your API key at https://platform.openai.com/account/api-keys.", "invalid_request_error", null, "invalid_api_key");
  }
}
