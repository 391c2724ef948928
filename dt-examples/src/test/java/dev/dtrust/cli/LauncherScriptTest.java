package dev.dtrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/dt}: JVM settings per command, the class-data archive's life cycle, exit codes. */
class LauncherScriptTest {
  private static final Path SCRIPT = Path.of(System.getProperty("dt.repo.root", "..")).resolve("bin/dt");

  @TempDir Path dir;

  record Result(int exit, String out) {}

  @Test
  void shortCommandsGetTheQuickCompilerAndAnArchiveMadeOnFirstUse() throws Exception {
    Path jar = probeJar();
    Path archive = dir.resolve("dt-rescore.jsa");

    Result first = launch(jar, "rescore", "--perspective", "all", "0");
    assertEquals(0, first.exit(), first.out());
    assertTrue(first.out().contains("-XX:TieredStopAtLevel=1"), first.out());
    assertTrue(first.out().contains("-XX:ArchiveClassesAtExit="), first.out());
    assertTrue(first.out().contains("args rescore --perspective all 0"), first.out());
    assertTrue(Files.size(archive) > 0, "the archive is made when the first run exits");

    Result second = launch(jar, "rescore", "0");
    assertTrue(second.out().contains("-XX:SharedArchiveFile=" + archive), second.out());
    assertFalse(second.out().contains("ArchiveClassesAtExit"), second.out());
    assertEquals(List.of("dt-rescore.jsa", "dt.jar"), listing(), "no temporary archive is left behind");
  }

  @Test
  void aRebuiltJarGetsAFreshArchive() throws Exception {
    Path jar = probeJar();
    launch(jar, "report", "0");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(dir.resolve("dt-report.jsa")).toMillis() + 5_000));
    Result again = launch(jar, "report", "0");
    assertTrue(again.out().contains("-XX:ArchiveClassesAtExit="), again.out());
  }

  @Test
  void runKeepsTheJvmDefaultsAndExitCodesPassThrough() throws Exception {
    Path jar = probeJar();
    Result run = launch(jar, "run", "--model", "sim", "3");
    assertEquals(3, run.exit(), run.out());
    assertFalse(run.out().contains("TieredStopAtLevel"), run.out());
    assertFalse(run.out().contains("Archive"), run.out());
    assertEquals(4, launch(jar, "rescore", "4").exit());
  }

  @Test
  void aMissingJarIsOneLineAndExitTwo() throws Exception {
    Result r = launch(dir.resolve("nope.jar"), "rescore");
    assertEquals(2, r.exit());
    assertTrue(r.out().startsWith("dt: ") && r.out().strip().lines().count() == 1, r.out());
  }

  private List<String> listing() throws IOException {
    List<String> names = new ArrayList<>();
    try (var s = Files.list(dir)) {
      s.forEach(p -> names.add(p.getFileName().toString()));
    }
    names.sort(null);
    return names;
  }

  /** A jar whose main class prints the JVM flags and arguments it got. */
  private Path probeJar() throws IOException {
    Path jar = dir.resolve("dt.jar");
    Manifest mf = new Manifest();
    mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
    String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
    try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, mf)) {
      out.putNextEntry(new JarEntry(entry));
      try (var in = LauncherProbe.class.getClassLoader().getResourceAsStream(entry)) {
        in.transferTo(out);
      }
      out.closeEntry();
    }
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    return jar;
  }

  private Result launch(Path jar, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("sh", SCRIPT.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("DT_JAR", jar.toString());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().remove("DT_JAVA_OPTS");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.waitFor(), out);
  }
}
