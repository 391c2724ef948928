package dev.dtrust.perspectives.fairness;

import dev.dtrust.core.python.PythonCapitalize;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.core.data.DataException;
import dev.dtrust.core.data.Templates;
import dev.dtrust.core.model.ChatMessage;
import dev.dtrust.core.model.ChatRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds the chat request of a fairness record from {@code templates/fairness.json} (spec §3, §4).
 * The message recipes of {@code message_layouts} are interpreted as the template's schema says:
 * {@code +} joins parts literally, {@code \n} is one LF, {@code {task}}, {@code {input}}, {@code
 * {example_input}} and {@code {example_label_capitalized}} come from the record, any other {@code
 * {a.b}} is the template text at {@code /a/b}; {@code repeat_per_example} steps are emitted once
 * per demonstration in file order.
 */
public final class FairnessPromptBuilder {

  /** Which recipe few-shot records use. */
  public enum FewShotLayout {
    /** Demonstrations as named system messages (what upstream runs: {@code example_prefix=True}). */
    EXAMPLE_PREFIX("few_shot_example_prefix"),
    /** Demonstrations as user/assistant turns (upstream's unused {@code example_prefix=False}). */
    NO_PREFIX("few_shot_no_prefix");

    private final String templateKey;

    FewShotLayout(String templateKey) {
      this.templateKey = templateKey;
    }

    /** The layout's key under {@code message_layouts}. */
    public String templateKey() {
      return templateKey;
    }
  }

  private static final String ZERO_SHOT = "zero_shot";

  private final Templates templates;
  private final List<Step> zeroShot;
  private final List<Step> fewShot;
  private final Map<FairnessScenario.Dataset, String> tasks = new EnumMap<>(FairnessScenario.Dataset.class);
  private final @Nullable Double temperature;
  private final @Nullable Integer maxTokens;
  private final @Nullable Double topP;
  private final @Nullable Integer n;
  private final @Nullable List<String> stop;
  private final @Nullable Long seed;

  /** A builder over the given templates. */
  public FairnessPromptBuilder(Templates templates, FewShotLayout layout) {
    this.templates = templates;
    this.zeroShot = compile("/message_layouts/" + ZERO_SHOT, false);
    this.fewShot = compile("/message_layouts/" + layout.templateKey(), false);
    for (FairnessScenario.Dataset d : FairnessScenario.Dataset.values()) {
      JsonNode t = templates.root().at("/task_descriptions/" + d.key());
      if (t.isTextual()) {
        tasks.put(d, t.asText());
      }
    }
    this.temperature = optionalNumber("/generation/temperature");
    this.maxTokens = optionalInteger("/generation/max_tokens");
    this.topP = optionalNumber("/generation/top_p");
    this.n = optionalInteger("/generation/n");
    this.seed = optionalInteger("/generation/seed") == null ? null : (long) templates.integer("/generation/seed");
    JsonNode s = templates.root().at("/generation/stop");
    this.stop = s.isMissingNode() || s.isNull() ? null : templates.texts("/generation/stop");
  }

  /** The request for one record of a scenario's prompt file. */
  public ChatRequest request(FairnessScenario.Dataset dataset, FairnessRecord record) {
    return new ChatRequest(messages(dataset, record), temperature, maxTokens, topP, n, stop, seed);
  }

  /** The message list for one record, exactly as upstream sends it. */
  public List<ChatMessage> messages(FairnessScenario.Dataset dataset, FairnessRecord record) {
    String task = tasks.get(dataset);
    if (task == null) {
      throw new DataException(templates.file(), 0, "/task_descriptions/" + dataset.key(), "missing");
    }
    List<Step> steps = record.examples().isEmpty() ? zeroShot : fewShot;
    List<ChatMessage> out = new ArrayList<>(2 + 2 * record.examples().size() + 2);
    for (Step step : steps) {
      if (step.repeat != null) {
        for (FairnessRecord.Demonstration d : record.examples()) {
          for (Step inner : step.repeat) {
            out.add(inner.message(task, record, d));
          }
        }
      } else {
        out.add(step.message(task, record, null));
      }
    }
    return out;
  }

  private List<Step> compile(String pointer, boolean inRepeat) {
    JsonNode layout = templates.node(pointer);
    if (!layout.isArray()) {
      throw new DataException(templates.file(), 0, pointer, "expected an array of message steps, found " + layout.getNodeType());
    }
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < layout.size(); i++) {
      String at = pointer + "/" + i;
      JsonNode step = layout.get(i);
      if (step.has("repeat_per_example")) {
        List<Step> inner = compile(at + "/repeat_per_example", true);
        steps.add(new Step(null, null, null, inner));
      } else {
        String role = templates.text(at + "/role");
        JsonNode nameNode = step.get("name");
        String name = nameNode == null || nameNode.isNull() ? null : templates.text(at + "/name");
        steps.add(new Step(role, name, parseRecipe(templates.text(at + "/content"), at + "/content", inRepeat), null));
      }
    }
    return steps;
  }

  /** Splits a recipe on {@code +}; template-level placeholders are resolved now, record-level ones later. */
  private List<Part> parseRecipe(String recipe, String pointer, boolean inRepeat) {
    List<Part> parts = new ArrayList<>();
    for (String token : recipe.split("\\+", -1)) {
      if (token.equals("\\n")) {
        parts.add(new Part(Kind.LITERAL, "\n"));
      } else if (token.startsWith("{") && token.endsWith("}")) {
        String var = token.substring(1, token.length() - 1);
        switch (var) {
          case "task" -> parts.add(new Part(Kind.TASK, null));
          case "input" -> parts.add(new Part(Kind.INPUT, null));
          case "example_input", "example_label_capitalized" -> {
            if (!inRepeat) {
              throw new DataException(templates.file(), 0, pointer, "{" + var + "} is only defined inside repeat_per_example");
            }
            parts.add(new Part(var.equals("example_input") ? Kind.EXAMPLE_INPUT : Kind.EXAMPLE_LABEL, null));
          }
          default -> {
            String target = "/" + String.join("/", var.split("\\."));
            if (templates.root().at(target).isMissingNode()) {
              throw new DataException(templates.file(), 0, pointer, "unknown placeholder {" + var + "}");
            }
            parts.add(new Part(Kind.LITERAL, templates.text(target)));
          }
        }
      } else {
        parts.add(new Part(Kind.LITERAL, token));
      }
    }
    return parts;
  }

  private @Nullable Double optionalNumber(String pointer) {
    JsonNode v = templates.root().at(pointer);
    return v.isMissingNode() || v.isNull() ? null : templates.number(pointer);
  }

  private @Nullable Integer optionalInteger(String pointer) {
    JsonNode v = templates.root().at(pointer);
    return v.isMissingNode() || v.isNull() ? null : templates.integer(pointer);
  }

  private enum Kind {
    LITERAL,
    TASK,
    INPUT,
    EXAMPLE_INPUT,
    EXAMPLE_LABEL
  }

  private record Part(Kind kind, @Nullable String text) {}

  private record Step(@Nullable String role, @Nullable String name, @Nullable List<Part> content, @Nullable List<Step> repeat) {

    ChatMessage message(String task, FairnessRecord record, FairnessRecord.@Nullable Demonstration demo) {
      StringBuilder b = new StringBuilder();
      for (Part p : content) {
        switch (p.kind) {
          case LITERAL -> b.append(p.text);
          case TASK -> b.append(task);
          case INPUT -> b.append(record.input());
          case EXAMPLE_INPUT -> b.append(demo(demo).text());
          // Spec §3: demonstration labels go through Python str.capitalize ("yes" -> "Yes").
          case EXAMPLE_LABEL -> b.append(PythonCapitalize.capitalize(demo(demo).label()));
        }
      }
      return new ChatMessage(role, b.toString(), name);
    }

    private static FairnessRecord.Demonstration demo(FairnessRecord.@Nullable Demonstration d) {
      if (d == null) {
        throw new IllegalStateException("example placeholder outside repeat_per_example");
      }
      return d;
    }
  }
}
