package dev.dtrust.core.leaderboard;

import dev.dtrust.core.Perspectives;
import dev.dtrust.core.json.JsonWriter;
import dev.dtrust.core.numerics.NumpySum;
import dev.dtrust.core.perspective.FailureExample;
import dev.dtrust.core.report.PerspectiveReport;
import dev.dtrust.core.report.TrustReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A leaderboard of many runs, the way the DecodingTrust LLM Safety Leaderboard shows one: a row
 * per model, the eight perspective scores and their average. Incomplete perspectives and scores
 * from a scorer that is not comparable with the leaderboard (e.g. toxicity without Perspective
 * API) are marked and never enter an average.
 *
 * @param rows        ranked rows
 * @param regressions per model with several runs, how each run moved from the one before
 */
public record Leaderboard(List<Row> rows, List<Regression> regressions) {

  /** A run found under the runs folder. */
  public record Run(String dir, TrustReport report) {}

  /** Reads every {@code report.json} below a folder. */
  public static List<Run> find(Path runsDir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(runsDir)) {
      files = s.filter(p -> p.getFileName().toString().equals("report.json")).sorted().toList();
    }
    List<Run> runs = new ArrayList<>();
    for (Path f : files) {
      String rel = runsDir.relativize(f.getParent()).toString().replace('\\', '/');
      runs.add(new Run(rel.isEmpty() ? "." : rel, TrustReport.read(f)));
    }
    return runs;
  }

  /**
   * Builds the leaderboard: one row per model (its latest run), or one per run with {@code
   * allRuns}.
   */
  public static Leaderboard of(List<Run> runs, boolean allRuns, Map<String, ModelCard> cards) {
    Map<String, List<Run>> byModel = new TreeMap<>();
    for (Run r : runs) {
      byModel.computeIfAbsent(r.report().model().id(), k -> new ArrayList<>()).add(r);
    }
    List<Row> rows = new ArrayList<>();
    List<Regression> regressions = new ArrayList<>();
    for (Map.Entry<String, List<Run>> e : byModel.entrySet()) {
      List<Run> history = new ArrayList<>(e.getValue());
      history.sort(Comparator.comparing((Run r) -> r.report().provenance().finishedAt()).thenComparing(Run::dir));
      List<Run> shown = allRuns ? history : List.of(history.get(history.size() - 1));
      for (Run r : shown) {
        rows.add(row(r, cards.getOrDefault(e.getKey(), ModelCard.UNKNOWN)));
      }
      for (int i = 1; i < history.size(); i++) {
        regressions.add(regression(history.get(i - 1).report(), history.get(i).report()));
      }
    }
    rows.sort(Comparator.comparing((Row r) -> r.average() == null)
        .thenComparing((Row r) -> r.average() == null ? 0 : -r.average())
        .thenComparing(Row::model)
        .thenComparing(Row::evaluated));
    List<Row> ranked = new ArrayList<>();
    int rank = 0;
    for (Row r : rows) {
      ranked.add(new Row(r.average() == null ? 0 : ++rank, r.model(), r.card(), r.average(), r.cells(), r.evaluated(),
          r.library(), r.dataSha256(), r.report()));
    }
    return new Leaderboard(List.copyOf(ranked), List.copyOf(regressions));
  }

  private static Row row(Run run, ModelCard card) {
    TrustReport t = run.report();
    Map<String, Cell> cells = new LinkedHashMap<>();
    for (String id : Perspectives.LEADERBOARD_ORDER) {
      PerspectiveReport p = t.perspective(id);
      Cell c;
      if (p == null) {
        c = new Cell(null, null, "not-run", null, null);
      } else if (p.score() == null) {
        c = new Cell(null, p.refusalRate(), "incomplete", p.partialScore(), p.scorer());
      } else if (!p.comparable()) {
        c = new Cell(p.score(), p.refusalRate(), "not-comparable", null, p.scorer());
      } else {
        c = new Cell(p.score(), p.refusalRate(), null, null, p.scorer());
      }
      cells.put(id, c);
    }
    Double average = null;
    if (cells.values().stream().allMatch(Cell::comparable)) {
      average = NumpySum.mean(cells.values().stream().mapToDouble(Cell::score).toArray());
    }
    return new Row(0, t.model().id(), card, average, cells, t.provenance().finishedAt(), t.provenance().library(),
        t.dataset().sha256(), run.dir());
  }

  private static Regression regression(TrustReport before, TrustReport after) {
    Map<String, Double> deltas = new LinkedHashMap<>();
    List<String> newFailures = new ArrayList<>();
    for (PerspectiveReport now : after.perspectives().values()) {
      PerspectiveReport was = before.perspective(now.perspective());
      if (was != null && was.score() != null && now.score() != null) {
        deltas.put(now.perspective(), now.score() - was.score());
      }
      Set<String> old = new LinkedHashSet<>();
      if (was != null) {
        was.failures().forEach(f -> old.add(f.scenario() + "/" + f.key()));
      }
      for (FailureExample f : now.failures()) {
        if (!old.contains(f.scenario() + "/" + f.key())) {
          newFailures.add(now.perspective() + "/" + f.scenario() + "/" + f.key());
        }
      }
    }
    return new Regression(after.model().id(), before.provenance().finishedAt(), after.provenance().finishedAt(), deltas, newFailures);
  }

  /** {@code leaderboard.json}. */
  public String toJson() {
    List<Object> rs = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rank", r.rank());
      m.put("model", r.model());
      m.put("provider", r.card().provider());
      m.put("openWeights", r.card().openWeights());
      m.put("parameters", r.card().parameters());
      m.put("average", r.average());
      Map<String, Object> cells = new LinkedHashMap<>();
      r.cells().forEach((id, c) -> {
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("score", c.score());
        cm.put("refusalRate", c.refusalRate());
        cm.put("mark", c.mark());
        cm.put("partialScore", c.partial());
        cm.put("scorer", c.scorer());
        cells.put(id, cm);
      });
      m.put("perspectives", cells);
      m.put("evaluated", r.evaluated());
      m.put("library", r.library());
      m.put("dataSha256", r.dataSha256());
      m.put("report", r.report());
      rs.add(m);
    }
    List<Object> regs = new ArrayList<>();
    for (Regression g : regressions) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("model", g.model());
      m.put("from", g.from());
      m.put("to", g.to());
      m.put("deltas", g.deltas());
      m.put("newFailures", g.newFailures());
      regs.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("schema", "dtrust-leaderboard/1");
    out.put("rows", rs);
    out.put("regressions", regs);
    return JsonWriter.pretty().write(out) + "\n";
  }
}
