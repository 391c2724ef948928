package dev.dtrust.core.report;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a report comes from.
 *
 * @param library    the dtrust version
 * @param templates  SHA-256 of each {@code templates/<id>.json} read
 * @param startedAt  ISO-8601 instant
 * @param finishedAt ISO-8601 instant
 */
public record Provenance(String library, Map<String, String> templates, String startedAt, String finishedAt) {
  public Provenance {
    templates = Collections.unmodifiableMap(new TreeMap<>(templates)); // by id: reports are byte-for-byte reproducible
  }
}
