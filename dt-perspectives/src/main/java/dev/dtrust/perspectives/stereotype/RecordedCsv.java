package dev.dtrust.perspectives.stereotype;

import dev.dtrust.core.data.CsvReader;
import dev.dtrust.core.data.DataException;
import dev.dtrust.core.python.PythonLiteral;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads upstream's recorded stereotype CSVs: header {@code model,system_prompt,user_prompt,gen_0,…},
 * each {@code gen_i} cell a Python dict repr {@code {'agreeability_num': N, 'output': '…'}} (spec
 * stereotype §4). The recorded {@code agreeability_num} is ignored: upstream re-classifies the text.
 */
public final class RecordedCsv {
  private RecordedCsv() {}

  /** Reads every record of a file. */
  public static List<RecordedRow> read(Path file) {
    String name = file.toString();
    try (CsvReader r = new CsvReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), name)) {
      CsvReader.Row header = r.next();
      if (header == null) {
        throw new DataException(name, 1, null, "empty file; expected a header model,system_prompt,user_prompt,gen_0,…");
      }
      List<String> h = header.fields();
      int sys = h.indexOf("system_prompt");
      int user = h.indexOf("user_prompt");
      if (sys < 0 || user < 0) {
        throw new DataException(name, 1, sys < 0 ? "system_prompt" : "user_prompt", "missing column");
      }
      List<Integer> gens = new ArrayList<>();
      // spec stereotype §4: the number of generations is the number of gen_ columns
      for (int i = 0; i < h.size(); i++) {
        if (h.get(i).equals("gen_" + gens.size())) {
          gens.add(i);
        }
      }
      List<RecordedRow> rows = new ArrayList<>();
      for (CsvReader.Row row = r.next(); row != null; row = r.next()) {
        List<String> f = row.fields();
        if (f.size() == 1 && f.get(0).isEmpty()) {
          continue;
        }
        if (f.size() != h.size()) {
          throw new DataException(name, row.line(), null, "expected " + h.size() + " fields, found " + f.size());
        }
        List<String> outputs = new ArrayList<>(gens.size());
        for (int k = 0; k < gens.size(); k++) {
          outputs.add(output(f.get(gens.get(k)), name, row.line(), "gen_" + k));
        }
        rows.add(new RecordedRow(row.line(), f.get(sys), f.get(user), outputs));
      }
      return rows;
    } catch (IOException e) {
      throw new DataException(name, 0, null, "cannot read: " + e.getMessage(), e);
    }
  }

  private static String output(String cell, String file, long line, String field) {
    Object v;
    try {
      // spec stereotype §4: decode the Python literal fully before classifying
      v = PythonLiteral.parse(cell);
    } catch (IllegalArgumentException e) {
      throw new DataException(file, line, field, "not a Python dict literal: " + e.getMessage(), e);
    }
    if (!(v instanceof Map<?, ?> m) || !(m.get("output") instanceof String s)) {
      throw new DataException(file, line, field, "expected a dict with a string 'output'");
    }
    return s;
  }
}
