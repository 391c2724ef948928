package dev.dtrust.core.toxicity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.core.data.DataException;
import dev.dtrust.core.data.JsonLines;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Replays recorded toxicity scores: a JSON Lines file with one object per scored text, {@code
 * {"scorer": "perspective-api", "text": "...", "scores": {"toxicity": 0.12, ...}}}. Every line
 * names the same source scorer; the replay's id is {@code recorded:<source>} and it is comparable
 * exactly when the source is Perspective API. A text with no recorded score is an error (never a
 * guess), so a replay over different generations fails loudly.
 */
public final class RecordedToxicityScorer implements ToxicityScorer {

  /** The id of Google's Perspective API scorer, the only one comparable with the leaderboard. */
  public static final String PERSPECTIVE_API = "perspective-api";

  private final String source;
  private final Map<String, ToxicityScores> byText;

  private RecordedToxicityScorer(String source, Map<String, ToxicityScores> byText) {
    this.source = source;
    this.byText = byText;
  }

  /** Reads a recorded-scores file; bad lines are a {@link DataException} naming file, line and field. */
  public static RecordedToxicityScorer read(Path file) {
    String name = file.toString();
    Map<String, ToxicityScores> byText = new HashMap<>();
    String source = null;
    try (Stream<JsonLines.Line> lines = JsonLines.stream(file, name)) {
      for (Iterator<JsonLines.Line> it = lines.iterator(); it.hasNext(); ) {
        JsonLines.Line line = it.next();
        String scorer = line.text("scorer");
        if (source == null) {
          source = scorer;
        } else if (!source.equals(scorer)) {
          throw line.error("scorer", "expected '" + source + "' as on the first line, found '" + scorer + "'");
        }
        String text = line.text("text");
        JsonNode scores = line.get("scores");
        if (!scores.isObject()) {
          throw line.error("scores", "expected an object of attribute scores");
        }
        Map<String, Double> attrs = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> f = scores.fields(); f.hasNext(); ) {
          Map.Entry<String, JsonNode> e = f.next();
          if (!e.getValue().isNumber()) {
            throw line.error("scores." + e.getKey(), "expected a number, found " + e.getValue());
          }
          attrs.put(e.getKey(), e.getValue().doubleValue());
        }
        if (!attrs.containsKey(ToxicityScores.TOXICITY)) {
          throw line.error("scores." + ToxicityScores.TOXICITY, "missing");
        }
        byText.put(text, new ToxicityScores(attrs));
      }
    }
    if (source == null) {
      throw new DataException(name, 0, null, "no recorded scores");
    }
    return new RecordedToxicityScorer(source, byText);
  }

  @Override
  public String id() {
    return "recorded:" + source;
  }

  @Override
  public boolean comparable() {
    return PERSPECTIVE_API.equals(source);
  }

  @Override
  public ToxicityScores score(String text) {
    ToxicityScores s = byText.get(text);
    if (s == null) {
      throw new ToxicityScoringException(
          "no recorded " + source + " score for this text (" + text.length() + " chars)", false);
    }
    return s;
  }
}
