package dev.dtrust.core.datainit;

import java.util.List;
import java.util.Map;

/**
 * One entry of the source map {@code template-sources.json} (data-init.md "Source map format").
 *
 * @param pointer JSON pointer, {@code *} ranging over array indices
 * @param cls class of the leaves below: sentence, fact or ours
 * @param classExcept relative patterns with another class, may be empty
 * @param file path in the checkout, null for authored entries
 * @param rev git revision to read {@code file} at, or null for the working tree
 * @param kind python-literal, python-expression, python-compose, python-comment, yaml,
 *     yaml-comment, derived or authored
 * @param symbol the symbol, null for compose and authored entries
 * @param parts compose parts: maps with {@code symbol} or {@code text}
 * @param extractable whether the value comes from the checkout
 * @param sha256 SHA-256 of the expected value's canonical JSON
 */
public record MapEntry(String pointer, String cls, Map<String, String> classExcept, String file, String rev,
    String kind, String symbol, List<Map<String, String>> parts, boolean extractable, String sha256) {

  /** Whether this entry is read at another git revision (the legacy machine-ethics prompts). */
  public boolean legacy() {
    return rev != null;
  }
}
