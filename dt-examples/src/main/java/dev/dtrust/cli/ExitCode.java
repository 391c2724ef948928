package dev.dtrust.cli;

/** The exit codes of {@code dt} (DESIGN.md §6). */
public final class ExitCode {
  /** Done; gates passed or none. */
  public static final int OK = 0;
  /** A gate failed. */
  public static final int GATE_FAILED = 1;
  /** Usage error or bad input (data, template, argument). */
  public static final int BAD_INPUT = 2;
  /** The run could not complete; what was answered is kept and reported as partial. */
  public static final int INCOMPLETE = 3;
  /** A gate is inconclusive (its perspective has no score). */
  public static final int GATE_INCONCLUSIVE = 4;

  private ExitCode() {}
}
