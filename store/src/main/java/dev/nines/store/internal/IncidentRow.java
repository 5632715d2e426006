package dev.nines.store.internal;

import static dev.nines.store.internal.StoreColumns.toMillis;

import dev.nines.incident.Incident;
import dev.nines.incident.TrackedIncident;
import java.time.Instant;

/** One row of {@code incident} as written: enums as names, lists as JSON text. */
public record IncidentRow(
    long id,
    String incidentKey,
    String title,
    String subjectKind,
    String subject,
    String cause,
    String kind,
    String severity,
    String severityRule,
    String status,
    String resolution,
    String owner,
    String consumers,
    String agreements,
    String impact,
    Instant startedAt,
    Instant detectedAt,
    Instant acknowledgedAt,
    Instant resolvedAt,
    Instant lastFailureAt,
    int consecutivePasses,
    int observationCount,
    String lastMessage,
    Instant severitySince,
    Instant updatedAt) {

  public static IncidentRow of(TrackedIncident tracked, StoreJson json, Instant now) {
    Incident incident = tracked.incident();
    return new IncidentRow(
        incident.id(),
        incident.key(),
        incident.title(),
        incident.subject().kind().name(),
        incident.subject().name(),
        incident.cause(),
        incident.kind().name(),
        incident.severity().name(),
        incident.severityRule() == null ? "" : incident.severityRule(),
        incident.status().name(),
        incident.resolution() == null ? null : incident.resolution().name(),
        incident.owner(),
        json.writeLines(incident.consumers()),
        json.writeLines(incident.agreements()),
        IncidentJson.writeSubjects(incident.impact()),
        toMillis(incident.startedAt()),
        toMillis(incident.detectedAt()),
        toMillis(incident.acknowledgedAt()),
        toMillis(incident.resolvedAt()),
        toMillis(
            incident.lastFailureAt() == null ? incident.detectedAt() : incident.lastFailureAt()),
        tracked.consecutivePasses(),
        incident.observationCount(),
        incident.lastMessage() == null ? "" : incident.lastMessage(),
        toMillis(tracked.severitySince()),
        toMillis(now));
  }
}
