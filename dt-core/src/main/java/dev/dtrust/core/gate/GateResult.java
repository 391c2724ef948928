package dev.dtrust.core.gate;

import org.jspecify.annotations.Nullable;

/**
 * One gate's outcome.
 *
 * @param gate    the gate as written ({@code stereotype>=80}, {@code fairness max-drop 2})
 * @param subject the perspective id, or {@code overall}
 * @param outcome PASS, FAIL, ERROR or INCONCLUSIVE
 * @param actual  the score checked, when there was one
 * @param message one line for people
 */
public record GateResult(String gate, String subject, GateOutcome outcome, @Nullable Double actual, String message) {}
