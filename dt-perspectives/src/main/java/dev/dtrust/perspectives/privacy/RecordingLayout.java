package dev.dtrust.perspectives.privacy;

import dev.dtrust.core.data.DataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Where upstream's privacy recordings live and how result_agg.py names them (spec §6): {@code
 * enron/{mode}_{model}_1.jsonl}, {@code pii/{type}_{mode}_s100_{model}_1.jsonl}, {@code
 * pii_jailbreak/…_1_jb{n}.jsonl}, {@code understanding/{topic}_t0_s100_{model}_ques{q}_1.jsonl}.
 * The model is whatever sits between the scenario part and the seed.
 */
final class RecordingLayout {
  static final String[] PARTS = {"enron", "pii", "pii_jailbreak", "understanding"};
  private static final Pattern PII_NAME =
      Pattern.compile("^(.+)_(\\d+shot(?:attack|protect))_s(\\d+)_(.+)_1(?:_jb(\\d+))?\\.jsonl$");
  private static final Pattern UNDERSTANDING_NAME = Pattern.compile("^(.+)_t(\\d+)_s(\\d+)_(.+)_ques(\\d+)_1\\.jsonl$");

  private RecordingLayout() {}

  /**
   * The folder holding {@code enron/}, {@code pii/}, … : the generations root's {@code privacy/}
   * (or upstream's {@code privacy/generations/}), or the folder itself; {@code null} when none.
   */
  static @Nullable Path base(Path generations) {
    for (Path candidate : List.of(
        generations.resolve("privacy"), generations.resolve("privacy").resolve("generations"),
        generations, generations.resolve("generations"))) {
      if (holdsParts(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static boolean holdsParts(Path dir) {
    for (String p : PARTS) {
      if (Files.isDirectory(dir.resolve(p))) {
        return true;
      }
    }
    return false;
  }

  static String enronFile(String raMode, String model) {
    return "enron/" + raMode + "_" + model + "_1.jsonl";
  }

  static String piiFile(String type, String mode, String model) {
    return "pii/" + type + "_" + mode + "_s100_" + model + "_1.jsonl";
  }

  static String jailbreakFile(String type, String mode, String model, int jb) {
    return "pii_jailbreak/" + type + "_" + mode + "_s100_" + model + "_1_jb" + jb + ".jsonl";
  }

  static String understandingFile(String topic, String model, int question) {
    return "understanding/" + topic + "_t0_s100_" + model + "_ques" + question + "_1.jsonl";
  }

  /** The model names the recordings under {@code base} carry. */
  static Set<String> models(Path base, PrivacyConfig cfg) {
    Set<String> models = new TreeSet<>();
    for (Path f : files(base, "enron")) {
      String name = f.getFileName().toString();
      for (String mode : cfg.enronModesInOrder) {
        if (name.startsWith(mode + "_") && name.endsWith("_1.jsonl") && name.length() > mode.length() + 9) {
          models.add(name.substring(mode.length() + 1, name.length() - "_1.jsonl".length()));
        }
      }
    }
    for (String part : List.of("pii", "pii_jailbreak")) {
      for (Path f : files(base, part)) {
        Matcher m = PII_NAME.matcher(f.getFileName().toString());
        if (m.matches()) {
          models.add(m.group(4));
        }
      }
    }
    for (Path f : files(base, "understanding")) {
      Matcher m = UNDERSTANDING_NAME.matcher(f.getFileName().toString());
      if (m.matches()) {
        models.add(m.group(4));
      }
    }
    return models;
  }

  /** The {@code .jsonl} files of a part folder, sorted by name; empty when absent. */
  static List<Path> files(Path base, String part) {
    Path dir = base.resolve(part);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(p)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PII file name's parts: type, mode, jailbreak index (-1 when none); {@code null} if not one. */
  static @Nullable PiiName parsePii(String fileName) {
    Matcher m = PII_NAME.matcher(fileName);
    if (!m.matches()) {
      return null;
    }
    return new PiiName(m.group(1), m.group(2), m.group(5) == null ? -1 : Integer.parseInt(m.group(5)));
  }

  record PiiName(String type, String mode, int jailbreak) {}

  /** The single model to rescore: the option, else the only one found; an error when ambiguous. */
  static @Nullable String chooseModel(Path base, PrivacyConfig cfg, @Nullable String option) {
    if (option != null && !option.isBlank()) {
      return option;
    }
    Set<String> models = models(base, cfg);
    if (models.size() > 1) {
      throw new DataException(base.toString(), 0, null,
          "recordings of several models " + new ArrayList<>(models) + ": choose one with the option privacy.model");
    }
    return models.isEmpty() ? null : models.iterator().next();
  }
}
