package dev.dtrust.core.leaderboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dtrust.core.data.DataException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a run does not know about a model: provider, open or closed weights, parameter count.
 * Read from a small JSON file, {@code {"<model id>": {"provider": "...", "openWeights": true,
 * "parameters": "7B"}}}.
 *
 * @param provider    who serves or made the model
 * @param openWeights whether the weights are open ({@code null}: unknown)
 * @param parameters  parameter count as people write it ({@code 7B})
 */
public record ModelCard(@Nullable String provider, @Nullable Boolean openWeights, @Nullable String parameters) {

  /** An empty card. */
  public static final ModelCard UNKNOWN = new ModelCard(null, null, null);

  /** Reads a model-card file; errors name the file and the field. */
  public static Map<String, ModelCard> read(Path file) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new DataException(file.toString(), line, null, "malformed JSON: " + e.getOriginalMessage(), e);
    }
    if (!root.isObject()) {
      throw new DataException(file.toString(), 0, null, "expected an object of model id → card");
    }
    Map<String, ModelCard> out = new LinkedHashMap<>();
    root.fields().forEachRemaining(e -> {
      JsonNode c = e.getValue();
      JsonNode open = c.get("openWeights");
      if (open != null && !open.isBoolean() && !open.isNull()) {
        throw new DataException(file.toString(), 0, e.getKey() + ".openWeights", "expected true or false, found " + open);
      }
      out.put(e.getKey(), new ModelCard(text(c.get("provider")), open == null || open.isNull() ? null : open.asBoolean(),
          text(c.get("parameters"))));
    });
    return out;
  }

  private static @Nullable String text(@Nullable JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }
}
