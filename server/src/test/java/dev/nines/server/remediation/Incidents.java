package dev.nines.server.remediation;

import dev.nines.incident.Incident;
import dev.nines.incident.IncidentStatus;
import dev.nines.incident.Severity;
import dev.nines.incident.Subject;
import dev.nines.observation.Kind;
import java.time.Instant;
import java.util.List;

/** Small incidents for remediation tests. */
final class Incidents {
  static final Instant DETECTED = Instant.parse("2026-03-01T02:40:00Z");

  private Incidents() {}

  static Incident open(long id, Subject subject) {
    return new Incident(
        id,
        subject + "/freshness",
        subject.name() + " is late",
        subject,
        "freshness",
        Kind.DATA,
        Severity.SEV1,
        "default policy",
        IncidentStatus.OPEN,
        null,
        "data-eng",
        List.of("finance"),
        List.of("orders is never older than 24 hours"),
        List.of(Subject.dataset("revenue")),
        DETECTED.minusSeconds(600),
        DETECTED,
        null,
        null,
        DETECTED,
        1,
        "newest row is 26h old");
  }

  static Incident resolved(Incident incident, Instant at) {
    return new Incident(
        incident.id(),
        incident.key(),
        incident.title(),
        incident.subject(),
        incident.cause(),
        incident.kind(),
        incident.severity(),
        incident.severityRule(),
        IncidentStatus.RESOLVED,
        dev.nines.incident.Resolution.FIXED,
        incident.owner(),
        incident.consumers(),
        incident.agreements(),
        incident.impact(),
        incident.startedAt(),
        incident.detectedAt(),
        incident.acknowledgedAt(),
        at,
        incident.lastFailureAt(),
        incident.observationCount(),
        incident.lastMessage());
  }
}
