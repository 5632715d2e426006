package dev.nines.incident;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the {@link IncidentManager} reads and writes, inside one transaction. The store implements
 * it over its tables; tests keep it in memory.
 */
public interface IncidentBook {
  /** The open or acknowledged incident with this key. */
  Optional<TrackedIncident> active(String key);

  /** The most recently resolved incident with this key. */
  Optional<TrackedIncident> lastResolved(String key);

  /** The open or acknowledged incidents about a subject, whatever their cause. */
  List<TrackedIncident> activeAbout(Subject subject);

  /** Every open or acknowledged incident. */
  List<TrackedIncident> activeAll();

  Optional<TrackedIncident> byId(long id);

  /** When the check last passed before {@code before}. */
  Optional<Instant> lastPass(String dataset, String check, Instant before);

  /** Names of the checks whose failures joined the incident as its cause. */
  Set<String> causeChecks(long incidentId);

  /** Saves a new incident ({@code id} 0) and returns it with its id. */
  TrackedIncident insert(TrackedIncident incident);

  void update(TrackedIncident incident);

  /** Records that an observation belongs to an incident; a second time changes nothing. */
  void link(long incidentId, long observationId, ObservationRole role);

  /** Adds to the timeline and returns the entry with its id. */
  TimelineEntry append(TimelineEntry entry);
}
