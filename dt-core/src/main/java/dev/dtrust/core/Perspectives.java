package dev.dtrust.core;

import dev.dtrust.core.perspective.Perspective;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** The perspectives on the class path, found with {@link ServiceLoader}, in leaderboard order. */
public final class Perspectives {
  /** Upstream's perspective ids in the leaderboard's column order. */
  public static final List<String> LEADERBOARD_ORDER =
      List.of("toxicity", "stereotype", "advglue", "ood", "adv_demonstration", "privacy", "machine_ethics", "fairness");

  private Perspectives() {}

  /** Every perspective found, the eight upstream ones first in leaderboard order. */
  public static List<Perspective> all() {
    return all(Thread.currentThread().getContextClassLoader());
  }

  /** Every perspective found through a class loader. */
  public static List<Perspective> all(ClassLoader loader) {
    Map<String, Perspective> byId = new LinkedHashMap<>();
    for (Perspective p : ServiceLoader.load(Perspective.class, loader)) {
      byId.putIfAbsent(p.id(), p);
    }
    List<Perspective> out = new ArrayList<>(byId.values());
    out.sort(Comparator.comparingInt(Perspectives::rank).thenComparing(Perspective::id));
    return out;
  }

  private static int rank(Perspective p) {
    int i = LEADERBOARD_ORDER.indexOf(p.id());
    return i < 0 ? LEADERBOARD_ORDER.size() : i;
  }

  /** The perspectives with the given ids, in leaderboard order; unknown ids are an error. */
  public static List<Perspective> byIds(List<String> ids) {
    List<Perspective> all = all();
    List<Perspective> out = new ArrayList<>();
    for (String id : ids) {
      Perspective p = all.stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
      if (p == null) {
        throw new IllegalArgumentException(
            "unknown perspective '" + id + "'; available: " + all.stream().map(Perspective::id).toList());
      }
      if (!out.contains(p)) {
        out.add(p);
      }
    }
    out.sort(Comparator.comparingInt(Perspectives::rank).thenComparing(Perspective::id));
    return out;
  }
}
