package dev.dtrust.perspectives.machineethics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.core.data.CsvReader;
import dev.dtrust.core.data.DataException;
import dev.dtrust.core.data.DataRoot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the machine_ethics data files of a data root (spec §2): the ETHICS CSVs, the Jiminy Cricket
 * JSON lists and the Jiminy subset CSV. Files are read once per instance; one instance serves one
 * plan.
 */
final class EthicsData {

  static final String COMMONSENSE_SHORT = "ethics_commonsense_short";
  static final String COMMONSENSE_LONG = "ethics_commonsense_long";
  static final String VIRTUE = "ethics_virtue";
  static final String JUSTICE = "ethics_justice";
  static final String DEONTOLOGY = "ethics_deontology";
  static final String UTIL = "ethics_util";
  static final String JIMINY = "jiminy";
  static final String CONDITIONAL_PREFIX = "jiminy_conditional_";

  /** Every data name, in upstream's config order. */
  static final List<String> DATA_NAMES =
      List.of(
          COMMONSENSE_SHORT, COMMONSENSE_LONG, VIRTUE, JUSTICE, DEONTOLOGY, UTIL, JIMINY,
          "jiminy_conditional_harm_self", "jiminy_conditional_harm_others",
          "jiminy_conditional_minor_harm", "jiminy_conditional_moderate_harm");

  private static final String BASE = "machine_ethics/";
  private static final String CM_TEST = BASE + "ethics/commonsense/cm_test.csv";
  private static final String CM_TRAIN = BASE + "ethics/commonsense/cm_train.csv";

  // pandas read_csv default NA strings (1.5): a field equal to one of these is NaN.
  private static final Set<String> PANDAS_NA =
      Set.of("", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN",
          "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null");

  /**
   * One test or train item.
   *
   * @param line   the line of the data file it starts on (0 for JSON)
   * @param input1 the sentence (virtue: "sentence [SEP] trait")
   * @param input2 deontology's excuse, util's worse activity, the Jiminy subset's morality; else null
   * @param label  ETHICS: Integer 0/1; jiminy: null or a List of Integers; else null
   */
  record Item(long line, String input1, @Nullable String input2, @Nullable Object label) {}

  private final DataRoot root;
  private final boolean longOnly;
  private final Map<String, List<Item>> cache = new HashMap<>();

  /**
   * @param longOnly commonsense_long reads only the long rows (spec Q2 deviation) instead of all
   *     rows (upstream's {@code ~bool} quirk)
   */
  EthicsData(DataRoot root, boolean longOnly) {
    this.root = root;
    this.longOnly = longOnly;
  }

  /** The data-root path of a data name's test file. */
  static String testFile(String dataName) {
    return switch (family(dataName)) {
      case "commonsense" -> CM_TEST;
      case "virtue" -> BASE + "ethics/virtue/virtue_test.csv";
      case "justice" -> BASE + "ethics/justice/justice_test.csv";
      case "deontology" -> BASE + "ethics/deontology/deontology_test.csv";
      case "util" -> BASE + "ethics/utilitarianism/util_test.csv";
      case "jiminy" -> BASE + "jiminy_test.json";
      default -> BASE + "jiminy_subset.csv";
    };
  }

  /** The data-root path of a data name's demonstration file, or null when it has none. */
  static @Nullable String trainFile(String dataName) {
    return switch (family(dataName)) {
      case "commonsense" -> CM_TRAIN;
      case "virtue" -> BASE + "ethics/virtue/virtue_train.csv";
      case "justice" -> BASE + "ethics/justice/justice_train.csv";
      case "deontology" -> BASE + "ethics/deontology/deontology_train.csv";
      case "jiminy" -> BASE + "jiminy_train.json";
      default -> null; // util demos are fixed texts; the Jiminy subset never has demos
    };
  }

  static String family(String dataName) {
    if (dataName.startsWith("ethics_commonsense")) {
      return "commonsense";
    }
    if (dataName.startsWith(CONDITIONAL_PREFIX)) {
      return "conditional";
    }
    return switch (dataName) {
      case VIRTUE -> "virtue";
      case JUSTICE -> "justice";
      case DEONTOLOGY -> "deontology";
      case UTIL -> "util";
      case JIMINY -> "jiminy";
      default -> throw new IllegalArgumentException("unknown machine_ethics data name " + dataName);
    };
  }

  /** The test items of a data name, in upstream order (before the per-scenario filters of §3). */
  List<Item> test(String dataName) {
    return switch (family(dataName)) {
      case "commonsense" ->
          cached(
              dataName + "#test",
              () -> {
                boolean shortOnly = dataName.equals(COMMONSENSE_SHORT);
                // spec Q2: `~is_short` on a Python bool is always truthy, so "long" keeps ALL rows
                return commonsense(CM_TEST, shortOnly ? Boolean.TRUE : longOnly ? Boolean.FALSE : null);
              });
      case "util" -> cached("util#test", this::util);
      case "jiminy" -> cached("jiminy#test", () -> jiminy(testFile(dataName)));
      case "conditional" -> cached("conditional#test", this::jiminySubset);
      default -> cached(dataName + "#test", () -> ethicsCsv(testFile(dataName), DEONTOLOGY.equals(dataName)));
    };
  }

  /** The demonstration pool of a data name (commonsense: short train rows, for long too, Q3). */
  List<Item> train(String dataName) {
    String file = trainFile(dataName);
    if (file == null) {
      return List.of();
    }
    return switch (family(dataName)) {
      case "commonsense" -> cached("cm#train", () -> commonsense(CM_TRAIN, Boolean.TRUE));
      case "jiminy" -> cached("jiminy#train", () -> jiminy(file));
      default -> cached(dataName + "#train", () -> ethicsCsv(file, DEONTOLOGY.equals(dataName)));
    };
  }

  private interface Loader {
    List<Item> load();
  }

  private List<Item> cached(String key, Loader loader) {
    List<Item> items = cache.get(key);
    if (items == null) {
      items = List.copyOf(loader.load());
      cache.put(key, items);
    }
    return items;
  }

  /** cm_test/cm_train: header row; label, input, is_short; {@code shortFilter} null keeps all. */
  private List<Item> commonsense(String file, @Nullable Boolean shortFilter) {
    List<Item> out = new ArrayList<>();
    try (CsvReader r = root.csv(file)) {
      CsvReader.Row header = r.next();
      if (header == null) {
        throw new DataException(root.name(file), 1, null, "empty file; expected a header row");
      }
      int isShort = header.fields().indexOf("is_short");
      if (isShort < 0) {
        throw new DataException(root.name(file), header.line(), "is_short", "missing column");
      }
      for (CsvReader.Row row = r.next(); row != null; row = r.next()) {
        if (blank(row)) {
          continue;
        }
        boolean s = bool(file, row, isShort, "is_short");
        if (shortFilter == null || shortFilter == s) {
          out.add(new Item(row.line(), field(file, row, 1, "input"), null, intField(file, row, 0, "label")));
        }
      }
    }
    return out;
  }

  /** virtue/justice/deontology CSVs: header row; label, scenario[, excuse]. */
  private List<Item> ethicsCsv(String file, boolean withExcuse) {
    List<Item> out = new ArrayList<>();
    try (CsvReader r = root.csv(file)) {
      if (r.next() == null) {
        throw new DataException(root.name(file), 1, null, "empty file; expected a header row");
      }
      for (CsvReader.Row row = r.next(); row != null; row = r.next()) {
        if (blank(row)) {
          continue;
        }
        out.add(
            new Item(
                row.line(),
                field(file, row, 1, "scenario"),
                withExcuse ? field(file, row, 2, "excuse") : null,
                intField(file, row, 0, "label")));
      }
    }
    return out;
  }

  /** util_test.csv has no header: better activity, worse activity (spec §2: all rows). */
  private List<Item> util() {
    String file = testFile(UTIL);
    List<Item> out = new ArrayList<>();
    try (CsvReader r = root.csv(file)) {
      for (CsvReader.Row row = r.next(); row != null; row = r.next()) {
        if (blank(row)) {
          continue;
        }
        out.add(new Item(row.line(), field(file, row, 0, "input1"), field(file, row, 1, "input2"), null));
      }
    }
    return out;
  }

  /** jiminy_test/train.json: a list of [text, label (null or 4 ints), game]. */
  private List<Item> jiminy(String file) {
    JsonNode all = root.json(file);
    if (!all.isArray()) {
      throw new DataException(root.name(file), 0, null, "expected a JSON list of [text, label, game]");
    }
    List<Item> out = new ArrayList<>(all.size());
    for (int i = 0; i < all.size(); i++) {
      JsonNode e = all.get(i);
      String where = "/" + i;
      if (!e.isArray() || e.size() < 2 || !e.get(0).isTextual()) {
        throw new DataException(root.name(file), 0, where, "expected [text, label, game] with a text first");
      }
      JsonNode l = e.get(1);
      Object label = null;
      if (!l.isNull()) {
        if (!l.isArray() || l.size() < 2) {
          throw new DataException(root.name(file), 0, where + "/1", "expected null or a list of 4 integers");
        }
        List<Integer> ints = new ArrayList<>();
        for (int k = 0; k < l.size(); k++) {
          if (!l.get(k).isIntegralNumber()) {
            throw new DataException(root.name(file), 0, where + "/1/" + k, "expected an integer, found " + l.get(k));
          }
          ints.add(l.get(k).asInt());
        }
        label = List.copyOf(ints);
      }
      out.add(new Item(0, e.get(0).asText(), null, label));
    }
    return out;
  }

  /**
   * jiminy_subset.csv: rows with Description, no Conditioning and a Morality (pandas NA rules),
   * then upstream's pre-filter (TME:151-162): first occurrence of each description whose morality
   * contains "bad".
   */
  private List<Item> jiminySubset() {
    String file = testFile("jiminy_conditional_harm_self");
    List<Item> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (CsvReader r = root.csv(file)) {
      CsvReader.Row header = r.next();
      if (header == null) {
        throw new DataException(root.name(file), 1, null, "empty file; expected a header row");
      }
      int desc = column(file, header, "Description");
      int cond = column(file, header, "Conditioning");
      int moral = column(file, header, "Morality");
      for (CsvReader.Row row = r.next(); row != null; row = r.next()) {
        if (blank(row)) {
          continue;
        }
        String d = cell(row, desc);
        String c = cell(row, cond);
        String m = cell(row, moral);
        if (d == null || c != null || m == null) {
          continue;
        }
        if (!seen.contains(d) && m.contains("bad")) {
          seen.add(d);
          out.add(new Item(row.line(), d, m, null));
        }
      }
    }
    return out;
  }

  private int column(String file, CsvReader.Row header, String name) {
    int i = header.fields().indexOf(name);
    if (i < 0) {
      throw new DataException(root.name(file), header.line(), name, "missing column");
    }
    return i;
  }

  private static @Nullable String cell(CsvReader.Row row, int i) {
    if (i >= row.fields().size()) {
      return null;
    }
    String v = row.fields().get(i);
    return PANDAS_NA.contains(v) ? null : v;
  }

  private static boolean blank(CsvReader.Row row) {
    return row.fields().size() == 1 && row.fields().get(0).isEmpty();
  }

  private String field(String file, CsvReader.Row row, int i, String name) {
    if (i >= row.fields().size()) {
      throw new DataException(root.name(file), row.line(), name, "missing field (column " + (i + 1) + ")");
    }
    return row.fields().get(i);
  }

  private int intField(String file, CsvReader.Row row, int i, String name) {
    String v = field(file, row, i, name).strip();
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new DataException(root.name(file), row.line(), name, "expected an integer, found \"" + v + "\"");
    }
  }

  private boolean bool(String file, CsvReader.Row row, int i, String name) {
    String v = field(file, row, i, name);
    return switch (v) {
      case "True", "true", "TRUE" -> true;
      case "False", "false", "FALSE" -> false;
      default ->
          throw new DataException(root.name(file), row.line(), name, "expected True or False, found \"" + v + "\"");
    };
  }
}
