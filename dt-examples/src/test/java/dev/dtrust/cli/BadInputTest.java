package dev.dtrust.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.core.testing.SharedData;
import dev.dtrust.perspectives.starter.StarterPack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 18, reliability: a corpus of broken data roots, files and arguments. Each gives exit code
 * 2 and one line on stderr naming the file, line and field (or the argument) — never a stack trace
 * and never a report.json that looks complete.
 */
class BadInputTest {

  /** Breaks a fresh copy of the starter pack, or sets up a root of its own. */
  @FunctionalInterface
  interface Breakage {
    void apply(Path root) throws Exception;
  }

  /**
   * @param name     what is broken
   * @param breakage how the root is broken
   * @param args     the command, with {@code ROOT} and {@code OUT} standing for the root and output folder
   * @param expected fragments the error line must contain (file, line, field)
   */
  record Case(String name, Breakage breakage, List<String> args, List<String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Argument errors need no data: the root stays an empty folder. */
  static final Breakage NO_ROOT = root -> { };

  static final List<String> RUN_SIM = List.of("run", "--model", "sim", "--data", "ROOT", "--out", "OUT");

  static Case run(String name, String perspective, Breakage b, String... expected) {
    List<String> args = new ArrayList<>(RUN_SIM);
    args.addAll(List.of("--perspectives", perspective));
    return new Case(name, b, args, List.of(expected));
  }

  static Case args(String name, List<String> extra, String... expected) {
    List<String> args = new ArrayList<>(RUN_SIM);
    args.addAll(extra);
    return new Case(name, NO_ROOT, args, List.of(expected));
  }

  static Stream<Arguments> corpus() {
    return Stream.of(
        run("invalid JSON line", "toxicity",
            root -> replaceLine(root.resolve("toxicity/user_prompts/toxic.jsonl"), 2, "{\"filename\": \"x.txt\", \"prompt\": {\"text\": "),
            "toxic.jsonl:2"),
        run("missing field", "toxicity",
            root -> replaceLine(root.resolve("toxicity/user_prompts/toxic.jsonl"), 3, "{\"filename\": \"x.txt\", \"challenging\": false}"),
            "toxic.jsonl:3", "prompt"),
        run("wrong type", "toxicity",
            root -> replaceLine(root.resolve("toxicity/user_prompts/toxic.jsonl"), 1, "{\"filename\": \"x.txt\", \"challenging\": false, \"prompt\": {\"text\": 42}}"),
            "toxic.jsonl:1", "text"),
        run("empty JSON file", "ood", root -> Files.write(root.resolve("ood/knowledge.json"), new byte[0]),
            "knowledge.json"),
        run("empty JSON Lines file", "fairness",
            root -> Files.write(root.resolve("fairness/fairness_data/adult_0_200_test_base_rate_0.5.jsonl"), new byte[0]),
            "adult_0_200_test_base_rate_0.5.jsonl"),
        run("truncated .npy", "fairness",
            root -> truncate(root.resolve("fairness/fairness_data/sensitive_attr_adult_0_200_test_base_rate_0.5.npy"), 100),
            "sensitive_attr_adult_0_200_test_base_rate_0.5.npy"),
        run("template missing a placeholder", "stereotype",
            root -> edit(root.resolve("templates/stereotype.json"), "\"[target_group] are messy.\"", "\"People are messy.\""),
            "stereotype.json", "user_prompt_templates"),
        run("template that is not JSON", "stereotype",
            root -> truncate(root.resolve("templates/stereotype.json"), 200),
            "stereotype.json"),
        run("template field of the wrong type", "stereotype",
            root -> edit(root.resolve("templates/stereotype.json"), "\"n\": 2,", "\"n\": \"two\","),
            "stereotype.json", "n"),
        new Case("unknown scenario", root -> { },
            List.of("run", "--model", "sim", "--data", "ROOT", "--out", "OUT", "--perspectives", "stereotype",
                "--scenarios", "no_such_scenario"),
            List.of("no_such_scenario")),
        new Case("CSV with a broken quote", BadInputTest::brokenCsvRoot,
            List.of("rescore", "--perspective", "stereotype", "--generations", "ROOT/generations/stereotype",
                "--data", "ROOT", "--out", "OUT"),
            List.of("gpt-3.5-turbo-0301_hiv.csv:")),
        args("unknown perspective", List.of("--perspectives", "no_such_perspective"), "no_such_perspective"),
        args("zero in flight", List.of("--max-in-flight", "0"), "--max-in-flight"),
        args("in flight not a number", List.of("--max-in-flight", "many"), "--max-in-flight", "many"),
        args("unknown selection", List.of("--selection", "most"), "--selection", "most"),
        args("unknown option", List.of("--frobnicate"), "--frobnicate"),
        args("zero retry attempts", List.of("--retry-attempts", "0"), "--retry-attempts"),
        args("option without a value", List.of("--option", "stereotype.promptForm"), "--option"),
        new Case("unknown model spec", NO_ROOT,
            List.of("run", "--model", "bogus:x", "--data", "ROOT", "--out", "OUT"), List.of("--model", "bogus")),
        new Case("data root that does not exist", NO_ROOT,
            List.of("run", "--model", "sim", "--data", "ROOT/nowhere", "--out", "OUT", "--perspectives", "stereotype"),
            List.of("nowhere"))
    ).map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void badInputIsOneLineAndExitCode2(Case c, @TempDir Path dir) throws Exception {
    Path root = dir.resolve("root");
    if (c.breakage() == NO_ROOT) {
      Files.createDirectories(root);
    } else {
      StarterPack.extractTo(root);
      c.breakage().apply(root);
    }
    Path out = dir.resolve("out");
    String[] args = c.args().stream()
        .map(a -> a.replace("ROOT", root.toString()).replace("OUT", out.toString())).toArray(String[]::new);
    CliRunner r = CliRunner.run(args);

    assertEquals(ExitCode.BAD_INPUT, r.exit, c.name() + ": " + r);
    // progress lines may come first (a file read only at scoring time); the error is one line, the last
    List<String> errors = r.err.strip().lines().filter(l -> l.startsWith("dt:")).toList();
    assertEquals(1, errors.size(), c.name() + ": one error line on stderr, found:\n" + r.err);
    String err = errors.get(0);
    assertTrue(r.err.strip().endsWith(err), c.name() + ": the error is the last line:\n" + r.err);
    assertFalse(r.err.contains("Exception") || r.err.contains("\tat "), "no stack trace: " + r.err);
    assertFalse(err.contains("null"), "no null in the message: " + err);
    for (String fragment : c.expected()) {
      assertTrue(err.contains(fragment), c.name() + ": the line names '" + fragment + "': " + err);
    }
    assertFalse(Files.exists(out.resolve("report.json")), "no report.json after bad input");
  }

  private static void replaceLine(Path file, int line, String text) throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    lines.set(line - 1, text);
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  private static void truncate(Path file, int bytes) throws Exception {
    Files.write(file, Arrays.copyOf(Files.readAllBytes(file), bytes));
  }

  private static void edit(Path file, String from, String to) throws Exception {
    String text = Files.readString(file);
    assertTrue(text.contains(from), file + " holds " + from);
    Files.writeString(file, text.replace(from, to));
  }

  /**
   * The shared root's stereotype template and its recorded benign CSVs, the first of which (hiv, the
   * first topic) ends with a record that opens a quote it never closes.
   */
  private static void brokenCsvRoot(Path root) throws Exception {
    Path shared = SharedData.root();
    Files.copy(shared.resolve("templates/stereotype.json"), root.resolve("templates/stereotype.json"),
        StandardCopyOption.REPLACE_EXISTING);
    Path from = shared.resolve("generations/stereotype/openai/benign");
    Path to = Files.createDirectories(root.resolve("generations/stereotype/openai/benign"));
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    Path hiv = to.resolve("gpt-3.5-turbo-0301_hiv.csv");
    Files.writeString(hiv, "gpt-3.5-turbo-0301,\"You are a helpful assistant.,I agree.\n", StandardOpenOption.APPEND);
  }
}
