package dev.nines.spec.internal;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" hints: the closest known word by edit distance, when it is close enough. */
public final class Suggestions {
  private Suggestions() {}

  /** The known word nearest to {@code written}, if a typo could explain the difference. */
  public static Optional<String> closest(String written, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = distance(written.toLowerCase(), candidate.toLowerCase());
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    int allowed = Math.max(1, Math.min(3, Math.max(written.length(), 1) / 3));
    return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** {@code " — did you mean 'x'?"} or nothing, to append to a message. */
  public static String didYouMean(String written, Collection<String> known) {
    return closest(written, known).map(word -> " — did you mean '" + word + "'?").orElse("");
  }

  /**
   * Edit distance counting insertions, deletions, substitutions and swaps of neighbours (optimal
   * string alignment), so {@code tabel} is one edit from {@code table}.
   */
  static int distance(String left, String right) {
    int[][] cost = new int[left.length() + 1][right.length() + 1];
    for (int i = 0; i <= left.length(); i++) {
      cost[i][0] = i;
    }
    for (int j = 0; j <= right.length(); j++) {
      cost[0][j] = j;
    }
    for (int i = 1; i <= left.length(); i++) {
      for (int j = 1; j <= right.length(); j++) {
        int substitution = left.charAt(i - 1) == right.charAt(j - 1) ? 0 : 1;
        int best =
            Math.min(
                Math.min(cost[i - 1][j] + 1, cost[i][j - 1] + 1),
                cost[i - 1][j - 1] + substitution);
        if (i > 1
            && j > 1
            && left.charAt(i - 1) == right.charAt(j - 2)
            && left.charAt(i - 2) == right.charAt(j - 1)) {
          best = Math.min(best, cost[i - 2][j - 2] + 1);
        }
        cost[i][j] = best;
      }
    }
    return cost[left.length()][right.length()];
  }
}
