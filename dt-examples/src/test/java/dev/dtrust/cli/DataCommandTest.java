package dev.dtrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {

  @Test
  void initRefusesAFolderThatIsNoCheckout(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    int code = Dt.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
        "data", "init", "--from", dir.toString(), "--to", dir.resolve("root").toString());
    assertEquals(ExitCode.BAD_INPUT, code);
    assertTrue(err.toString().contains("not a DecodingTrust checkout"), err.toString());
  }

  @Test
  void checkListsMissingTemplatesAndFiles(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("templates"));
    StringWriter err = new StringWriter();
    int code = Dt.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
        "data", "check", "--perspectives", "fairness", root.toString());
    assertEquals(ExitCode.BAD_INPUT, code);
    assertTrue(err.toString().contains("templates/fairness.json: missing"), err.toString());
  }
}
