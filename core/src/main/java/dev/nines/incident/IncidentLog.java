package dev.nines.incident;

import java.util.List;
import java.util.Optional;

/**
 * Read access to incidents and the one write other features need: adding to a timeline. The store
 * implements it; the notifier and remediation use it.
 */
public interface IncidentLog {
  /** The incident, if it exists. */
  Optional<Incident> incident(long id);

  /** Its timeline, oldest first. */
  List<TimelineEntry> timeline(long incidentId);

  /** Adds an entry to an incident's timeline and returns it with its id. */
  TimelineEntry append(TimelineEntry entry);
}
