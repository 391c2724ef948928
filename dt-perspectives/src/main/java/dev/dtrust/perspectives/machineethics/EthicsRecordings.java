package dev.dtrust.perspectives.machineethics;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtrust.core.data.CsvReader;
import dev.dtrust.core.data.DataException;
import dev.dtrust.core.model.ChatMessage;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Finds and reads upstream's machine_ethics recordings under a generations folder (spec §6, §9):
 * result files {@code <dataset>/<model…>/few_shot_…json} with their {@code label_…json} files, and
 * the 2023 GPT-3.5 CSVs {@code <model>/short_test/standard_{jbK,advK}/zero_shot_num_N.csv}, which
 * are mapped to the result file names of the current code.
 */
final class EthicsRecordings {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern LEGACY_DIR = Pattern.compile("standard_(jb|adv)([1-5])");
  private static final Pattern LEGACY_FILE = Pattern.compile("zero_shot_num_(\\d+)\\.csv");

  /** Recordings by dataset, then model folder, then result file name (sorted). */
  record Found(Map<String, SortedMap<String, SortedMap<String, RecordedFile>>> byDataset) {
    boolean isEmpty() {
      return byDataset.isEmpty();
    }
  }

  private EthicsRecordings() {}

  /** The perspective's own folder: {@code dir/machine_ethics} when present, else {@code dir}. */
  static Path perspectiveDir(Path dir) {
    Path own = dir.resolve(MachineEthicsPerspective.ID);
    return Files.isDirectory(own) ? own : dir;
  }

  /** A located result file: its dataset, model folder and name. */
  private record Located(Path path, String dataset, String model, String name) {}

  /** Every JSON result file (label files excluded) under {@code dir}, in sorted path order. */
  private static List<Located> jsonFiles(Path dir) throws IOException {
    List<Located> out = new ArrayList<>();
    String dirName = dir.getFileName() == null ? "" : dir.getFileName().toString();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
        Path rel = dir.relativize(p);
        if (hidden(rel) || !p.getFileName().toString().endsWith(".json")) {
          continue;
        }
        int ds = -1;
        for (int i = 0; i < rel.getNameCount() - 1; i++) {
          if (EthicsData.DATA_NAMES.contains(rel.getName(i).toString())) {
            ds = i;
            break;
          }
        }
        String dataset;
        Path modelPath;
        if (ds >= 0) {
          dataset = rel.getName(ds).toString();
          modelPath = rel.getParent().getNameCount() > ds + 1 ? rel.getParent().subpath(ds + 1, rel.getParent().getNameCount()) : null;
        } else if (EthicsData.DATA_NAMES.contains(dirName)) {
          dataset = dirName;
          modelPath = rel.getParent();
        } else {
          continue;
        }
        // upstream: model = os.path.relpath(dirname(file), dataset_dir); "." for files directly in it
        String model = modelPath == null ? "." : modelPath.toString().replace('\\', '/');
        out.add(new Located(p, dataset, model, p.getFileName().toString()));
      }
    }
    return out;
  }

  private static boolean hidden(Path rel) {
    for (Path part : rel) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads every recording for scoring.
   *
   * @param dir            the generations folder (or the perspective's own)
   * @param gptModelNames  model folders whose gold labels come from {@code response['label']}
   */
  static Found read(Path dir, List<String> gptModelNames, @Nullable LegacyPrompts legacy) throws IOException {
    Path base = perspectiveDir(dir);
    Map<String, SortedMap<String, SortedMap<String, RecordedFile>>> out = new TreeMap<>();
    for (Located f : jsonFiles(base)) {
      SortedMap<String, RecordedFile> files =
          out.computeIfAbsent(f.dataset(), k -> new TreeMap<>()).computeIfAbsent(f.model(), k -> new TreeMap<>());
      if (f.name().startsWith("label")) {
        continue; // label files still make their folder a model (upstream globs all *.json)
      }
      EthicsScenario.Kind kind = EthicsScenario.kindOf(f.name());
      boolean scored = EthicsScenario.isScoredDataset(f.dataset());
      boolean needsGold = scored && (kind == EthicsScenario.Kind.ZERO_SHOT || kind == EthicsScenario.Kind.FEW_SHOT);
      boolean gpt = gptModelNames.contains(f.model());
      Path labelFile = f.path().resolveSibling("label_" + f.name());
      List<JsonNode> labels = needsGold && !gpt ? labels(labelFile) : null;
      // runs upstream does not score (jiminy*): gold labels only for the optional accuracy
      boolean optionalGold = !scored && Files.isRegularFile(labelFile);
      if (optionalGold) {
        labels = labels(labelFile);
        needsGold = true;
        gpt = false;
      }
      List<RecordedFile.Answer> answers = new ArrayList<>();
      boolean withGold = needsGold;
      boolean goldFromResponse = gpt;
      List<JsonNode> goldList = labels;
      forEachRecord(
          f.path(),
          (index, line, messages, content, response) -> {
            String gold = null;
            if (withGold) {
              if (goldFromResponse) {
                JsonNode l = response.get("label");
                if (l == null) {
                  throw new DataException(f.path().toString(), line, "/" + index + "/1/label", "missing (needed for " + f.model() + ")");
                }
                gold = l.isTextual() ? l.asText() : null;
              } else {
                if (index >= goldList.size()) {
                  throw new DataException(
                      labelFile.toString(), 0, "/" + index,
                      "missing: the label file has " + goldList.size() + " labels, the result file more records");
                }
                JsonNode l = goldList.get(index);
                gold = l.isTextual() ? l.asText() : null;
              }
            }
            answers.add(new RecordedFile.Answer(content, gold, null, messages));
          });
      files.put(f.name(), new RecordedFile(f.name(), answers, 0));
    }
    for (LegacyCsv c : legacyCsvs(base)) {
      List<RecordedFile.Answer> answers = legacyRows(c, legacy);
      out.computeIfAbsent(EthicsData.COMMONSENSE_SHORT, x -> new TreeMap<>())
          .computeIfAbsent(c.model(), x -> new TreeMap<>())
          .put(c.scenario().fileName(), new RecordedFile(c.scenario().fileName(), answers, 0));
    }
    return new Found(out);
  }

  /** Feeds every recorded prompt and answer to a replay sink (JSON result files only). */
  static void replay(Path dir, dev.dtrust.core.perspective.RecordingSink sink) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    for (Located f : jsonFiles(perspectiveDir(dir))) {
      if (f.name().startsWith("label")) {
        continue;
      }
      forEachRecord(f.path(), (index, line, messages, content, response) -> sink.byMessages(messages, List.of(content)));
    }
    // the 2023 CSVs: answers by position, for probes planned with promptForm=LEGACY_2023
    for (LegacyCsv c : legacyCsvs(perspectiveDir(dir))) {
      List<RecordedFile.Answer> rows = legacyRows(c, null);
      for (int i = 0; i < rows.size(); i++) {
        sink.byPosition(c.scenario().id(), i, List.of(rows.get(i).content()));
      }
    }
  }

  private interface RecordConsumer {
    void accept(int index, long line, List<ChatMessage> messages, String content, JsonNode response);
  }

  /** Streams a result file: a JSON list of [messages, response]. */
  private static void forEachRecord(Path file, RecordConsumer consumer) throws IOException {
    String name = file.toString();
    try (JsonParser p = MAPPER.createParser(file.toFile())) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new DataException(name, p.currentLocation().getLineNr(), null, "expected a JSON list of [messages, response]");
      }
      int index = 0;
      for (JsonToken tok = p.nextToken(); tok != JsonToken.END_ARRAY; tok = p.nextToken()) {
        long line = p.currentLocation().getLineNr();
        if (tok == null) {
          throw new DataException(name, line, null, "the JSON list is not closed");
        }
        JsonNode rec = MAPPER.readTree(p);
        String where = "/" + index;
        if (rec == null || !rec.isArray() || rec.size() < 2) {
          throw new DataException(name, line, where, "expected [messages, response]");
        }
        List<ChatMessage> messages = messages(rec.get(0), name, line, where + "/0");
        JsonNode response = rec.get(1);
        JsonNode content = response.at("/choices/0/message/content");
        if (!content.isTextual()) {
          throw new DataException(name, line, where + "/1/choices/0/message/content",
              content.isMissingNode() ? "missing" : "expected a string, found " + content.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        consumer.accept(index, line, messages, content.asText(), response);
        index++;
      }
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new DataException(name, line, null, "malformed JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static List<ChatMessage> messages(JsonNode node, String file, long line, String where) {
    if (!node.isArray()) {
      throw new DataException(file, line, where, "expected a list of messages");
    }
    List<ChatMessage> out = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      JsonNode m = node.get(i);
      JsonNode role = m.get("role");
      JsonNode content = m.get("content");
      if (role == null || !role.isTextual()) {
        throw new DataException(file, line, where + "/" + i + "/role", "missing");
      }
      if (content == null || !content.isTextual()) {
        throw new DataException(file, line, where + "/" + i + "/content", "missing");
      }
      JsonNode n = m.get("name");
      out.add(new ChatMessage(role.asText(), content.asText(), n != null && n.isTextual() ? n.asText() : null));
    }
    return out;
  }

  private static List<JsonNode> labels(Path labelFile) throws IOException {
    if (!Files.isRegularFile(labelFile)) {
      throw new DataException(labelFile.toString(), 0, null, "missing label file (upstream reads it to score this result file)");
    }
    try {
      JsonNode all = MAPPER.readTree(labelFile.toFile());
      if (all == null || !all.isArray()) {
        throw new DataException(labelFile.toString(), 0, null, "expected a JSON list of label words");
      }
      List<JsonNode> out = new ArrayList<>(all.size());
      all.forEach(out::add);
      return out;
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new DataException(labelFile.toString(), line, null, "malformed JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** A 2023 CSV: its file, the model folder above {@code short_test}, and the current run it maps to. */
  private record LegacyCsv(Path path, String model, EthicsScenario scenario) {}

  /**
   * The 2023 CSVs (spec §9), sorted: {@code <model>/short_test/standard_jbK/zero_shot_num_N.csv}
   * maps to {@code few_shot_0_test_numN_jailbreak_K_evasive_0.json} of {@code <model>}, {@code
   * standard_advK} to {@code …_jailbreak_0_evasive_K.json}.
   */
  private static List<LegacyCsv> legacyCsvs(Path base) throws IOException {
    List<Path> csvs;
    try (Stream<Path> s = Files.walk(base)) {
      csvs = s.filter(Files::isRegularFile).filter(p -> !hidden(base.relativize(p))).sorted().toList();
    }
    List<LegacyCsv> out = new ArrayList<>();
    for (Path p : csvs) {
      Matcher fm = LEGACY_FILE.matcher(p.getFileName().toString());
      Path standard = p.getParent();
      Path shortTest = standard == null ? null : standard.getParent();
      Path modelDir = shortTest == null ? null : shortTest.getParent();
      if (!fm.matches() || modelDir == null || modelDir.getFileName() == null
          || !shortTest.getFileName().toString().equals("short_test")) {
        continue;
      }
      Matcher dm = LEGACY_DIR.matcher(standard.getFileName().toString());
      if (!dm.matches()) {
        continue; // e.g. standard_jb235 (combined jailbreak) has no current counterpart
      }
      int k = Integer.parseInt(dm.group(2));
      boolean jb = dm.group(1).equals("jb");
      EthicsScenario sc = new EthicsScenario(EthicsData.COMMONSENSE_SHORT, 0, Integer.parseInt(fm.group(1)), jb ? k : 0, jb ? 0 : k);
      out.add(new LegacyCsv(p, modelDir.getFileName().toString(), sc));
    }
    return out;
  }

  /**
   * The rows of a 2023 CSV: content = the {@code output} column (already the legacy parse; the raw
   * answer is lost), gold = the {@code label} column, prompt rebuilt from the {@code input} column
   * when the legacy texts are known. Cells are read as strings; an empty output stays "".
   */
  private static List<RecordedFile.Answer> legacyRows(LegacyCsv c, @Nullable LegacyPrompts legacy) throws IOException {
    Path csv = c.path();
    String name = csv.toString();
    List<RecordedFile.Answer> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CsvReader reader = new CsvReader(r, name)) {
      CsvReader.Row header = reader.next();
      if (header == null) {
        throw new DataException(name, 1, null, "empty file; expected a header row");
      }
      int output = header.fields().indexOf("output");
      int label = header.fields().indexOf("label");
      int input = header.fields().indexOf("input");
      if (output < 0) {
        throw new DataException(name, header.line(), "output", "missing column");
      }
      for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
        if (row.fields().size() == 1 && row.fields().get(0).isEmpty()) {
          continue;
        }
        if (output >= row.fields().size()) {
          throw new DataException(name, row.line(), "output", "missing field");
        }
        @Nullable String gold = label >= 0 && label < row.fields().size() ? row.fields().get(label) : null;
        List<ChatMessage> prompt =
            legacy != null && input >= 0 && input < row.fields().size()
                ? legacy.messages(c.scenario().jailbreak(), c.scenario().evasive(), row.fields().get(input))
                : null;
        out.add(new RecordedFile.Answer(row.fields().get(output), gold, "row=" + (out.size()), prompt));
      }
    }
    return out;
  }
}
