package dev.nines.spec.internal;

import dev.nines.spec.Problems;
import java.util.Set;

/**
 * Checks a list of SLO names written elsewhere in the spec, such as a consumer agreement's {@code
 * slos: [orders_fresh]}: each must be declared under {@code slos:}, with a did-you-mean when not.
 */
public final class SloReferences {
  private final Problems problems;

  public SloReferences(Problems problems) {
    this.problems = problems;
  }

  /**
   * Reports every name in {@code list} that is not one of {@code declared}.
   *
   * @param declared every key under {@code slos:}, including SLOs that failed to read (they are
   *     reported where they are declared)
   */
  public void check(Located list, Set<String> declared) {
    for (Located item : list.items()) {
      if (!item.node().isValueNode()) {
        continue; // the list's own reader reports a wrong kind
      }
      String name = item.node().asText();
      if (!declared.contains(name)) {
        problems.add(
            item.location(),
            item.field(),
            "slo '" + name + "' is not defined" + Suggestions.didYouMean(name, declared),
            declared.isEmpty()
                ? "declare it under slos:"
                : "defined slos: " + String.join(", ", declared));
      }
    }
  }
}
