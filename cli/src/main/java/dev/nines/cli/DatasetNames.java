package dev.nines.cli;

import dev.nines.NinesException;
import dev.nines.spec.Spec;
import java.util.List;

/** Checks the {@code --dataset} names against the spec, suggesting a near name for a typo. */
final class DatasetNames {
  private DatasetNames() {}

  static List<String> check(List<String> requested, Spec spec) {
    for (String name : requested) {
      if (!spec.datasets().containsKey(name)) {
        String known = String.join(", ", spec.datasets().keySet());
        String nearest = nearest(name, spec);
        throw new NinesException(
            "unknown dataset '"
                + name
                + "'"
                + (nearest == null ? "" : " (did you mean '" + nearest + "'?)")
                + "; the spec has: "
                + (known.isEmpty() ? "no datasets" : known));
      }
    }
    return List.copyOf(requested);
  }

  private static String nearest(String name, Spec spec) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : spec.datasets().keySet()) {
      int distance = distance(name, candidate);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = candidate;
      }
    }
    return bestDistance <= Math.max(2, name.length() / 3) ? best : null;
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
