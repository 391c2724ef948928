package dev.dtrust.core.perspective;

import java.util.Map;
import java.util.Optional;

/**
 * Pluggable collaborators a perspective may need beyond the model, looked up by type (e.g. a
 * {@code ToxicityScorer}). Set on {@code TrustEvaluator.Builder#extension}.
 */
public final class Extensions {
  private static final Extensions NONE = new Extensions(Map.of());

  private final Map<Class<?>, Object> byType;

  private Extensions(Map<Class<?>, Object> byType) {
    this.byType = byType;
  }

  /** Extensions from a type → instance map. */
  public static Extensions of(Map<Class<?>, Object> byType) {
    return new Extensions(Map.copyOf(byType));
  }

  /** No extensions. */
  public static Extensions none() {
    return NONE;
  }

  /** The extension of the given type, if set. */
  public <T> Optional<T> get(Class<T> type) {
    return Optional.ofNullable(type.cast(byType.get(type)));
  }
}
