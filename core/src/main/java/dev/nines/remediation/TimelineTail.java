package dev.nines.remediation;

import dev.nines.incident.TimelineEntry;
import java.util.List;
import java.util.function.Function;

/**
 * Incident timelines read as one log, in the order written, by a named worker that remembers how
 * far it got (its {@code work_cursor} row). The store implements it.
 */
public interface TimelineTail {
  /**
   * In one transaction: locks the cursor (so replicas take turns), hands the entries after it (at
   * most {@code limit}) to {@code work}, which may read timelines and append entries in the same
   * transaction, then moves the cursor past them and commits. A worker whose cursor does not exist
   * yet starts after the newest entry: history is not replayed.
   *
   * @return what {@code work} returned
   */
  <R> R next(String cursor, int limit, Function<Batch, R> work);

  /** The entries of one turn and what may be done in its transaction. */
  interface Batch {
    /** The entries after the cursor, oldest first; empty when there is nothing new. */
    List<TimelineEntry> entries();

    /** An incident's whole timeline, oldest first, as seen in this transaction. */
    List<TimelineEntry> timeline(long incidentId);

    /** Adds an entry in this transaction and returns it with its id. */
    TimelineEntry append(TimelineEntry entry);
  }
}
