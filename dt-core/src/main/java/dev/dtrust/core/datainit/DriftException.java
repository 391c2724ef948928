package dev.dtrust.core.datainit;

import java.util.List;

/** Extracted values differ from the source map; each drifted pointer is listed. */
public final class DriftException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Drift> drifts;

  /** An exception listing the drifted pointers. */
  public DriftException(List<Drift> drifts) {
    super(message(drifts));
    this.drifts = List.copyOf(drifts);
  }

  /** The drifted pointers. */
  public List<Drift> drifts() {
    return drifts;
  }

  private static String message(List<Drift> drifts) {
    StringBuilder b = new StringBuilder(drifts.size() + " extracted value(s) differ from the source map"
        + " (upstream changed; pass --allow-drift to write them anyway):");
    drifts.forEach(d -> b.append("\n  ").append(d.describe()));
    return b.toString();
  }
}
