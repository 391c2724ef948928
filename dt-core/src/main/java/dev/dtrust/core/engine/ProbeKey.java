package dev.dtrust.core.engine;

import dev.dtrust.core.json.CanonicalJson;
import dev.dtrust.core.json.Sha256;
import dev.dtrust.core.model.ChatRequest;

/**
 * Probe identity (DESIGN.md §3): SHA-256 hex of {@code modelId LF canonicalJson(request) LF
 * sampleIndex LF occurrence}.
 */
public final class ProbeKey {
  private ProbeKey() {}

  /**
   * The cache key of one answer.
   *
   * @param modelId     the model's id
   * @param request     the request as planned
   * @param sampleIndex the sample when {@code n} is emulated with separate calls, else 0
   * @param occurrence  how many earlier probes of the plan have the identical request
   */
  public static String of(String modelId, ChatRequest request, int sampleIndex, int occurrence) {
    return of(modelId, CanonicalJson.ofRequest(request), sampleIndex, occurrence);
  }

  /** As {@link #of(String, ChatRequest, int, int)} with the canonical JSON already computed. */
  public static String of(String modelId, String canonicalRequest, int sampleIndex, int occurrence) {
    return Sha256.hex(modelId + "\n" + canonicalRequest + "\n" + sampleIndex + "\n" + occurrence);
  }
}
