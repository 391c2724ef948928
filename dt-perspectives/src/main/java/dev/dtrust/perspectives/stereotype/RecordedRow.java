package dev.dtrust.perspectives.stereotype;

import java.util.List;

/**
 * One record of a recorded generations CSV (spec stereotype §4).
 *
 * @param line         the line the record starts on
 * @param systemPrompt the system prompt sent
 * @param userPrompt   the user prompt sent ({@code text})
 * @param outputs      the generations {@code gen_0 … gen_{n-1}}, decoded
 */
public record RecordedRow(long line, String systemPrompt, String userPrompt, List<String> outputs) {
  public RecordedRow {
    outputs = List.copyOf(outputs);
  }
}
