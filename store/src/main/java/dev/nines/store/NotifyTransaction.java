package dev.nines.store;

import dev.nines.incident.Incident;
import dev.nines.incident.TimelineEntry;
import dev.nines.notify.GroupState;
import dev.nines.notify.Silence;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the notifier reads and writes in one store transaction: everything commits together or not
 * at all, so a crash redoes the batch and the dedup keys keep it from queueing twice.
 */
public interface NotifyTransaction {
  /** Locks the named work cursor row (creating it at 0) and returns its position. */
  long lockCursor(String name);

  void advanceCursor(String name, long position, Instant at);

  /** Timeline entries with an id above {@code position}, oldest first. */
  List<TimelineEntry> timelineAfter(long position, int limit);

  Optional<Incident> incident(long id);

  Optional<GroupState> group(long incidentId, String channel);

  List<GroupState> groupsOf(long incidentId);

  /** Inserts or updates the group. */
  void saveGroup(GroupState group, Instant at);

  /** Groups due at {@code now}, locked; those another replica holds are skipped. */
  List<GroupState> dueGroups(Instant now, int limit);

  /** Queues a message; false when one with its dedup key was queued before. */
  boolean enqueue(OutboxEntry entry);

  TimelineEntry appendTimeline(TimelineEntry entry);

  /** Silences in force at {@code now}. */
  List<Silence> activeSilences(Instant now);
}
