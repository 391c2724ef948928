package dev.dtrust.perspectives.ood;

import dev.dtrust.core.model.ChatMessage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One built probe of a scenario.
 *
 * @param index      the test record's position in its category (= the recording's record index)
 * @param messages   the chat messages
 * @param gold       style: {@code negative}/{@code positive}; knowledge: the gold digit
 * @param goldChoice knowledge: the gold choice's text; style: {@code null}
 */
record OodPrompt(int index, List<ChatMessage> messages, String gold, @Nullable String goldChoice) {}
