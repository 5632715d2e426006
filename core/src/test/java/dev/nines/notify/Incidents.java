package dev.nines.notify;

import dev.nines.incident.Incident;
import dev.nines.incident.IncidentStatus;
import dev.nines.incident.Resolution;
import dev.nines.incident.Severity;
import dev.nines.incident.Subject;
import dev.nines.observation.Kind;
import java.time.Instant;
import java.util.List;

/** Small incident values for notifier tests. */
final class Incidents {
  static final Instant DETECTED = Instant.parse("2026-03-02T10:00:00Z");

  private Incidents() {}

  static Incident open(
      long id,
      Subject subject,
      Severity severity,
      Kind kind,
      String owner,
      List<String> consumers) {
    return new Incident(
        id,
        subject + "/cause",
        "title " + id,
        subject,
        "cause",
        kind,
        severity,
        "default",
        IncidentStatus.OPEN,
        null,
        owner,
        consumers,
        List.of(),
        List.of(),
        null,
        DETECTED,
        null,
        null,
        DETECTED,
        1,
        "failed");
  }

  static Incident dataset(long id, String name, Severity severity) {
    return open(id, Subject.dataset(name), severity, Kind.DATA, "data-eng", List.of());
  }

  static Incident acknowledged(Incident incident) {
    return with(incident, IncidentStatus.ACKNOWLEDGED, null, null);
  }

  static Incident resolved(Incident incident, Instant at) {
    return with(incident, IncidentStatus.RESOLVED, Resolution.FIXED, at);
  }

  static Incident severity(Incident i, Severity severity) {
    return new Incident(
        i.id(),
        i.key(),
        i.title(),
        i.subject(),
        i.cause(),
        i.kind(),
        severity,
        i.severityRule(),
        i.status(),
        i.resolution(),
        i.owner(),
        i.consumers(),
        i.agreements(),
        i.impact(),
        i.startedAt(),
        i.detectedAt(),
        i.acknowledgedAt(),
        i.resolvedAt(),
        i.lastFailureAt(),
        i.observationCount(),
        i.lastMessage());
  }

  private static Incident with(
      Incident i, IncidentStatus status, Resolution resolution, Instant resolvedAt) {
    return new Incident(
        i.id(),
        i.key(),
        i.title(),
        i.subject(),
        i.cause(),
        i.kind(),
        i.severity(),
        i.severityRule(),
        status,
        resolution,
        i.owner(),
        i.consumers(),
        i.agreements(),
        i.impact(),
        i.startedAt(),
        i.detectedAt(),
        status == IncidentStatus.ACKNOWLEDGED ? i.detectedAt() : i.acknowledgedAt(),
        resolvedAt,
        i.lastFailureAt(),
        i.observationCount(),
        i.lastMessage());
  }
}
