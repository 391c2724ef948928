package dev.dtrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dtrust.core.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same inputs give byte-identical report.json (timings and timestamps aside) at any concurrency. */
class DeterminismTest {
  private static final Pattern TIMING = Pattern.compile("\"(startedAt|finishedAt|wallMillis)\": [^,\\n]*");

  @Test
  void reportIsIdenticalAt1And8And64InFlight(@TempDir Path dir) throws Exception {
    Path root = SharedData.root();
    String first = null;
    for (int inFlight : new int[] {1, 8, 64}) {
      Path out = dir.resolve("run" + inFlight);
      CliRunner r = CliRunner.run("run", "--model", "replay:" + root.resolve("generations"), "--data", root.toString(),
          "--perspectives", "stereotype", "--out", out.toString(), "--max-in-flight", String.valueOf(inFlight));
      assertEquals(ExitCode.OK, r.exit, r.toString());
      String text = TIMING.matcher(Files.readString(out.resolve("report.json"))).replaceAll("\"$1\": _");
      if (first == null) {
        first = text;
      } else {
        assertEquals(first, text, "report at " + inFlight + " in flight");
      }
    }
  }
}
