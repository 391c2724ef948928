package dev.dtrust.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code dt} in-process and captures its output, for tests. */
final class CliRunner {
  final int exit;
  final String out;
  final String err;

  private CliRunner(int exit, String out, String err) {
    this.exit = exit;
    this.out = out;
    this.err = err;
  }

  static CliRunner run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Dt.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CliRunner(code, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
  }
}
