package dev.nines.incident;

import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import java.time.Instant;
import java.util.List;

/** Copies of an incident with one thing changed: the record has many components. */
final class Incidents {
  private Incidents() {}

  static String title(Cause cause, Observation observation) {
    Subject subject = cause.subject();
    return switch (subject.kind()) {
      case SOURCE -> "source " + subject.name() + " cannot be reached";
      case PIPELINE -> "pipeline " + subject.name() + ": " + cause.name().replace('_', ' ');
      case SLO ->
          "SLO "
              + subject.name()
              + ": error budget burning fast ("
              + (observation.status() == Status.WARN ? "ticket" : "page")
              + ")";
      case DATASET ->
          cause.isDatasetError()
              ? "dataset "
                  + subject.name()
                  + ": checks cannot run ("
                  + cause.name().substring(6)
                  + ")"
              : "dataset " + subject.name() + ": " + cause.name() + " " + observation.status();
    };
  }

  static Incident failedAgain(Incident incident, Instant at, int count, String message) {
    return copy(
        incident,
        incident.severity(),
        incident.severityRule(),
        incident.status(),
        incident.resolution(),
        incident.owner(),
        incident.consumers(),
        incident.agreements(),
        incident.impact(),
        incident.acknowledgedAt(),
        incident.resolvedAt(),
        at,
        count,
        message);
  }

  static Incident counted(Incident incident) {
    return copy(
        incident,
        incident.severity(),
        incident.severityRule(),
        incident.status(),
        incident.resolution(),
        incident.owner(),
        incident.consumers(),
        incident.agreements(),
        incident.impact(),
        incident.acknowledgedAt(),
        incident.resolvedAt(),
        incident.lastFailureAt(),
        incident.observationCount() + 1,
        incident.lastMessage());
  }

  static Incident withImpact(Incident incident, List<Subject> impact) {
    return copy(
        incident,
        incident.severity(),
        incident.severityRule(),
        incident.status(),
        incident.resolution(),
        incident.owner(),
        incident.consumers(),
        incident.agreements(),
        impact,
        incident.acknowledgedAt(),
        incident.resolvedAt(),
        incident.lastFailureAt(),
        incident.observationCount(),
        incident.lastMessage());
  }

  static Incident withAffected(Incident incident, List<String> consumers, List<String> agreements) {
    return copy(
        incident,
        incident.severity(),
        incident.severityRule(),
        incident.status(),
        incident.resolution(),
        incident.owner(),
        consumers,
        agreements,
        incident.impact(),
        incident.acknowledgedAt(),
        incident.resolvedAt(),
        incident.lastFailureAt(),
        incident.observationCount(),
        incident.lastMessage());
  }

  static Incident withSeverity(Incident incident, Severity severity, String rule) {
    return copy(
        incident,
        severity,
        rule,
        incident.status(),
        incident.resolution(),
        incident.owner(),
        incident.consumers(),
        incident.agreements(),
        incident.impact(),
        incident.acknowledgedAt(),
        incident.resolvedAt(),
        incident.lastFailureAt(),
        incident.observationCount(),
        incident.lastMessage());
  }

  static Incident resolved(Incident incident, Resolution resolution, Instant at) {
    return copy(
        incident,
        incident.severity(),
        incident.severityRule(),
        IncidentStatus.RESOLVED,
        resolution,
        incident.owner(),
        incident.consumers(),
        incident.agreements(),
        incident.impact(),
        incident.acknowledgedAt(),
        at,
        incident.lastFailureAt(),
        incident.observationCount(),
        incident.lastMessage());
  }

  static Incident acknowledged(Incident incident, Instant at) {
    return copy(
        incident,
        incident.severity(),
        incident.severityRule(),
        IncidentStatus.ACKNOWLEDGED,
        null,
        incident.owner(),
        incident.consumers(),
        incident.agreements(),
        incident.impact(),
        at,
        null,
        incident.lastFailureAt(),
        incident.observationCount(),
        incident.lastMessage());
  }

  static Incident withOwner(Incident incident, String owner) {
    return copy(
        incident,
        incident.severity(),
        incident.severityRule(),
        incident.status(),
        incident.resolution(),
        owner,
        incident.consumers(),
        incident.agreements(),
        incident.impact(),
        incident.acknowledgedAt(),
        incident.resolvedAt(),
        incident.lastFailureAt(),
        incident.observationCount(),
        incident.lastMessage());
  }

  private static Incident copy(
      Incident incident,
      Severity severity,
      String rule,
      IncidentStatus status,
      Resolution resolution,
      String owner,
      List<String> consumers,
      List<String> agreements,
      List<Subject> impact,
      Instant acknowledgedAt,
      Instant resolvedAt,
      Instant lastFailureAt,
      int count,
      String message) {
    return new Incident(
        incident.id(),
        incident.key(),
        incident.title(),
        incident.subject(),
        incident.cause(),
        incident.kind(),
        severity,
        rule,
        status,
        resolution,
        owner,
        consumers,
        agreements,
        impact,
        incident.startedAt(),
        incident.detectedAt(),
        acknowledgedAt,
        resolvedAt,
        lastFailureAt,
        count,
        message);
  }
}
