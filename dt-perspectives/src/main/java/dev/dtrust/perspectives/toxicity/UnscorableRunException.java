package dev.dtrust.perspectives.toxicity;

/** A run whose metrics upstream's code could not compute (empty file, no scored first choice, …). */
public final class UnscorableRunException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UnscorableRunException(String message) {
    super(message);
  }
}
