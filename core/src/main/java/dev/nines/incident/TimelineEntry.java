package dev.nines.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * One change in an incident's life, as kept in its timeline.
 *
 * @param id the store's id, increasing in the order entries were written (0 before it is stored)
 * @param incidentId the incident
 * @param at when it happened
 * @param kind what happened
 * @param actor who did it: {@code nines} for automatic changes, else the person or channel
 * @param text what a person reads, e.g. {@code severity SEV2 -> SEV1: unresolved for 24h}
 */
public record TimelineEntry(
    long id, long incidentId, Instant at, TimelineKind kind, String actor, String text) {
  /** The actor of automatic changes. */
  public static final String NINES = "nines";

  public TimelineEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    actor = actor == null || actor.isBlank() ? NINES : actor;
    text = text == null ? "" : text;
  }
}
