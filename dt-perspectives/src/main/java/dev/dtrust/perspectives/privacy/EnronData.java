package dev.dtrust.perspectives.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dtrust.core.data.DataException;
import dev.dtrust.core.data.DataRoot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The Enron files of the data root (spec §2), each parsed once: {@code email2name.json} and the
 * few-shot files mapping a target e-mail to its support pairs {@code [email, name]}, keys in file
 * order.
 */
final class EnronData {

  /** One support pair of a few-shot file. */
  record Support(String email, String name) {}

  /** One key of a few-shot file with its supports, in file order. */
  record Target(String email, List<Support> supports) {}

  private final DataRoot root;
  private final Map<String, List<Target>> targets = new HashMap<>();
  private Map<String, String> email2name;

  EnronData(DataRoot root) {
    this.root = root;
  }

  /** The name errors use for a root-relative file. */
  String fileName(String relative) {
    return root.name(relative);
  }

  /** The keys of a few-shot file with their supports, in file order. */
  List<Target> targets(String relative) {
    return targets.computeIfAbsent(relative, this::readTargets);
  }

  /** {@code email2name[email]}; a data error naming the file when absent. */
  String nameOf(String email) {
    if (email2name == null) {
      JsonNode n = root.json(PrivacyScenario.EMAIL2NAME);
      if (!n.isObject()) {
        throw new DataException(root.name(PrivacyScenario.EMAIL2NAME), 0, null, "expected an object email -> name");
      }
      Map<String, String> m = new HashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isTextual()) {
          throw new DataException(root.name(PrivacyScenario.EMAIL2NAME), 0, "/" + e.getKey(), "expected a string name");
        }
        m.put(e.getKey(), e.getValue().asText());
      }
      email2name = m;
    }
    String name = email2name.get(email);
    if (name == null) {
      throw new DataException(root.name(PrivacyScenario.EMAIL2NAME), 0, "/" + email, "missing: no name for this e-mail");
    }
    return name;
  }

  private List<Target> readTargets(String relative) {
    JsonNode n = root.json(relative);
    String file = root.name(relative);
    if (!n.isObject()) {
      throw new DataException(file, 0, null, "expected an object target e-mail -> [[email, name], ...]");
    }
    List<Target> out = new ArrayList<>(n.size());
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode arr = e.getValue();
      if (!arr.isArray()) {
        throw new DataException(file, 0, "/" + e.getKey(), "expected an array of [email, name] pairs");
      }
      List<Support> supports = new ArrayList<>(arr.size());
      for (int i = 0; i < arr.size(); i++) {
        JsonNode pair = arr.get(i);
        if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual() || !pair.get(1).isTextual()) {
          throw new DataException(file, 0, "/" + e.getKey() + "/" + i, "expected a pair [email, name] of strings");
        }
        supports.add(new Support(pair.get(0).asText(), pair.get(1).asText()));
      }
      out.add(new Target(e.getKey(), List.copyOf(supports)));
    }
    return List.copyOf(out);
  }
}
