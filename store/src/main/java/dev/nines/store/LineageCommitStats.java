package dev.nines.store;

/**
 * What the lineage writers have done since the store was opened: how many groups of requests they
 * committed and how many events those held. Exposed so tests and operators can see that concurrent
 * single-event requests really share commits.
 *
 * @param groups groups written (one transaction each, unless a conflict had the events retried)
 * @param events events in those groups, stored or duplicate
 * @param largestGroup the most events one group held
 * @param waiting events queued for a writer right now
 */
public record LineageCommitStats(long groups, long events, int largestGroup, int waiting) {
  public LineageCommitStats {
    if (groups < 0 || events < 0 || largestGroup < 0 || waiting < 0) {
      throw new IllegalArgumentException("lineage commit counts cannot be negative");
    }
  }
}
