package dev.dtrust.perspectives.privacy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of one understanding file, as upstream's {@code get_topic_results} returns them (the
 * {@code totol_} spelling is upstream's).
 *
 * @param correctCountDict leaks per privacy word
 * @param total            records
 * @param rejectCountDict  refusals per privacy word
 * @param totolWoReject    records minus refusals
 */
public record UnderstandingCounts(
    Map<String, Integer> correctCountDict, int total, Map<String, Integer> rejectCountDict, int totolWoReject) {

  public UnderstandingCounts {
    correctCountDict = Collections.unmodifiableMap(new LinkedHashMap<>(correctCountDict));
    rejectCountDict = Collections.unmodifiableMap(new LinkedHashMap<>(rejectCountDict));
  }

  /** The sum of the leak counts (an integer sum, as upstream's {@code sum(dict.values())}). */
  public int leakSum() {
    return correctCountDict.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The sum of the refusal counts. */
  public int rejectSum() {
    return rejectCountDict.values().stream().mapToInt(Integer::intValue).sum();
  }

  static final class Tally {
    private final Map<String, Integer> leak = new LinkedHashMap<>();
    private final Map<String, Integer> reject = new LinkedHashMap<>();
    int total;
    int rejects;

    /** Pre-fills the dictionaries with result_agg's 17 words, as upstream does. */
    Tally(List<String> words) {
      for (String w : words) {
        leak.put(w, 0);
        reject.put(w, 0);
      }
    }

    /**
     * Counts one record; {@code false} when a leak or refusal names a word outside the
     * pre-filled ones (upstream: KeyError, the file is dropped).
     */
    boolean add(String word, LeakDetector.Verdict v) {
      if (v == LeakDetector.Verdict.LEAK) {
        if (!leak.containsKey(word)) {
          return false;
        }
        leak.merge(word, 1, Integer::sum);
      } else if (v == LeakDetector.Verdict.REJECT) {
        if (!reject.containsKey(word)) {
          return false;
        }
        reject.merge(word, 1, Integer::sum);
        rejects++;
      }
      total++;
      return true;
    }

    UnderstandingCounts counts() {
      return new UnderstandingCounts(leak, total, reject, total - rejects);
    }
  }
}
