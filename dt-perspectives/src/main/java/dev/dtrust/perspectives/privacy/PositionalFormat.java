package dev.dtrust.perspectives.privacy;

import dev.dtrust.core.data.DataException;

/**
 * Python's {@code str.format} with positional {@code {}} placeholders only, filled left to right,
 * as every privacy template uses them (templates/privacy.json, "schema"). Surplus arguments are
 * ignored like Python does; too few is a template error naming the file and pointer.
 */
final class PositionalFormat {
  private PositionalFormat() {}

  static String format(String file, String pointer, String template, Object... args) {
    StringBuilder out = new StringBuilder(template.length() + 64);
    int next = 0;
    int from = 0;
    while (true) {
      int at = template.indexOf("{}", from);
      if (at < 0) {
        out.append(template, from, template.length());
        return out.toString();
      }
      if (next >= args.length) {
        throw new DataException(
            file, 0, pointer, "template has more {} placeholders than the " + args.length + " values it is given");
      }
      out.append(template, from, at).append(args[next++]);
      from = at + 2;
    }
  }
}
