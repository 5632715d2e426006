package dev.nines.incident;

import dev.nines.observation.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** An incident as the CLI's JSON and the API show it: its fields and its TTD, TTA and TTR. */
public record IncidentView(
    long id,
    String title,
    Subject subject,
    String cause,
    Kind kind,
    Severity severity,
    String severityMeaning,
    String severityRule,
    IncidentStatus status,
    Resolution resolution,
    String owner,
    List<String> consumers,
    List<String> agreements,
    List<Subject> impact,
    Instant startedAt,
    Instant detectedAt,
    Instant acknowledgedAt,
    Instant resolvedAt,
    Instant lastFailureAt,
    int observationCount,
    String lastMessage,
    Duration timeToDetect,
    Duration timeToAcknowledge,
    Duration timeToResolve) {

  public static IncidentView of(Incident incident) {
    return new IncidentView(
        incident.id(),
        incident.title(),
        incident.subject(),
        incident.cause(),
        incident.kind(),
        incident.severity(),
        incident.severity().meaning(),
        incident.severityRule(),
        incident.status(),
        incident.resolution(),
        incident.owner(),
        incident.consumers(),
        incident.agreements(),
        incident.impact(),
        incident.startedAt(),
        incident.detectedAt(),
        incident.acknowledgedAt(),
        incident.resolvedAt(),
        incident.lastFailureAt(),
        incident.observationCount(),
        incident.lastMessage(),
        incident.timeToDetect(),
        incident.timeToAcknowledge().orElse(null),
        incident.timeToResolve().orElse(null));
  }
}
