package dev.dtrust.core.datainit;

import java.util.ArrayList;
import java.util.List;

/**
 * A def or class body (or the module) as a token range.
 *
 * @param name the def/class name ("" for the module)
 * @param header index of the {@code def}/{@code class} token (0 for the module)
 * @param bodyStart first token index of the body
 * @param bodyEnd one past the last body token
 * @param firstLine line of the header
 * @param lastLine line of the last body token
 * @param children nested defs and classes in source order
 */
public record PyScope(String name, int header, int bodyStart, int bodyEnd, int firstLine, int lastLine,
    List<PyScope> children) {

  /** First scope matching the dotted path, depth first; each segment is searched among descendants. */
  public PyScope find(String dotted) {
    if (dotted.isEmpty()) {
      return this;
    }
    String[] segs = dotted.split("\\.");
    return find(this, segs, 0);
  }

  private static PyScope find(PyScope from, String[] segs, int i) {
    for (PyScope c : from.children) {
      if (c.name.equals(segs[i])) {
        PyScope hit = i == segs.length - 1 ? c : find(c, segs, i + 1);
        if (hit != null) {
          return hit;
        }
      }
      PyScope deeper = find(c, segs, i);
      if (deeper != null) {
        return deeper;
      }
    }
    return null;
  }

  /**
   * Token indices counted for literal ordinals: the header (parameter defaults and annotations are
   * children of the def in CPython's ast) and the body, nested defs excluded.
   */
  public List<Integer> countedTokens() {
    List<Integer> out = new ArrayList<>();
    for (int i = Math.max(header, 0); header >= 0 && i < bodyStart; i++) {
      out.add(i);
    }
    out.addAll(ownTokens());
    return out;
  }

  /** Token indices of the body that are not inside a nested def/class. */
  public List<Integer> ownTokens() {
    List<Integer> out = new ArrayList<>();
    int i = bodyStart;
    int c = 0;
    while (i < bodyEnd) {
      if (c < children.size() && i == children.get(c).header) {
        i = children.get(c).bodyEnd;
        c++;
        continue;
      }
      out.add(i++);
    }
    return out;
  }
}
