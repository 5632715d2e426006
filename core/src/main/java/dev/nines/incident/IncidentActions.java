package dev.nines.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/** What people do to incidents: acknowledge, resolve, reassign, comment. Each writes its entry. */
public final class IncidentActions {
  private final Clock clock;

  public IncidentActions(Clock clock) {
    this.clock = clock;
  }

  public Incident acknowledge(IncidentBook book, long id, String actor) {
    TrackedIncident tracked = find(book, id);
    Incident incident = tracked.incident();
    if (incident.status() != IncidentStatus.OPEN) {
      throw new IncidentConflictException(
          "incident #"
              + id
              + " is "
              + status(incident)
              + ": only an open incident is acknowledged");
    }
    Instant now = clock.instant();
    Incident changed = Incidents.acknowledged(incident, now);
    book.update(tracked.with(changed));
    book.append(
        new TimelineEntry(
            0, id, now, TimelineKind.ACKNOWLEDGED, actor, "acknowledged by " + actor));
    return changed;
  }

  public Incident resolve(
      IncidentBook book, long id, Resolution resolution, String actor, String comment) {
    TrackedIncident tracked = find(book, id);
    Incident incident = tracked.incident();
    if (!incident.isActive()) {
      throw new IncidentConflictException("incident #" + id + " is already resolved");
    }
    Instant now = clock.instant();
    Incident changed = Incidents.resolved(incident, resolution, now);
    book.update(tracked.with(changed));
    String text = "resolved as " + resolution.name().toLowerCase(Locale.ROOT) + " by " + actor;
    if (comment != null && !comment.isBlank()) {
      text += ": " + comment.strip();
    }
    book.append(new TimelineEntry(0, id, now, TimelineKind.RESOLVED, actor, text));
    return changed;
  }

  public Incident assign(IncidentBook book, long id, String owner, String actor) {
    TrackedIncident tracked = find(book, id);
    Incident incident = tracked.incident();
    Instant now = clock.instant();
    Incident changed = Incidents.withOwner(incident, owner);
    book.update(tracked.with(changed));
    book.append(
        new TimelineEntry(
            0,
            id,
            now,
            TimelineKind.REASSIGNED,
            actor,
            "owner " + (incident.owner() == null ? "(none)" : incident.owner()) + " -> " + owner));
    return changed;
  }

  public TimelineEntry comment(IncidentBook book, long id, String text, String actor) {
    find(book, id);
    return book.append(
        new TimelineEntry(0, id, clock.instant(), TimelineKind.COMMENTED, actor, text.strip()));
  }

  private static TrackedIncident find(IncidentBook book, long id) {
    return book.byId(id).orElseThrow(() -> new IncidentNotFoundException(id));
  }

  private static String status(Incident incident) {
    return incident.status().name().toLowerCase(Locale.ROOT);
  }
}
