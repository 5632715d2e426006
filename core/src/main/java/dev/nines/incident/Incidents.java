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
    Copy copy = new Copy(incident);
    copy.lastFailureAt = at;
    copy.count = count;
    copy.message = message;
    return copy.build();
  }

  /** The title for a worse observation (a WARN that now FAILs, a ticket that now pages). */
  static Incident worsened(Incident incident, Cause cause, Observation observation) {
    if (observation.status() == Status.WARN) {
      return incident;
    }
    Copy copy = new Copy(incident);
    copy.title = title(cause, observation);
    return copy.build();
  }

  /** The incident with people's acknowledgement and resolution undone where they came after. */
  static Incident before(Incident incident, boolean acknowledgedLater, boolean resolvedLater) {
    Copy copy = new Copy(incident);
    if (acknowledgedLater) {
      copy.acknowledgedAt = null;
    }
    if (resolvedLater) {
      copy.resolvedAt = null;
      copy.resolution = null;
    }
    copy.status =
        copy.resolvedAt != null
            ? IncidentStatus.RESOLVED
            : copy.acknowledgedAt == null ? IncidentStatus.OPEN : IncidentStatus.ACKNOWLEDGED;
    return copy.build();
  }

  static Incident counted(Incident incident) {
    Copy copy = new Copy(incident);
    copy.count++;
    return copy.build();
  }

  static Incident withImpact(Incident incident, List<Subject> impact) {
    Copy copy = new Copy(incident);
    copy.impact = impact;
    return copy.build();
  }

  static Incident withAffected(Incident incident, List<String> consumers, List<String> agreements) {
    Copy copy = new Copy(incident);
    copy.consumers = consumers;
    copy.agreements = agreements;
    return copy.build();
  }

  static Incident withSeverity(Incident incident, Severity severity, String rule) {
    Copy copy = new Copy(incident);
    copy.severity = severity;
    copy.rule = rule;
    return copy.build();
  }

  static Incident resolved(Incident incident, Resolution resolution, Instant at) {
    Copy copy = new Copy(incident);
    copy.status = IncidentStatus.RESOLVED;
    copy.resolution = resolution;
    copy.resolvedAt = at;
    return copy.build();
  }

  static Incident acknowledged(Incident incident, Instant at) {
    Copy copy = new Copy(incident);
    copy.status = IncidentStatus.ACKNOWLEDGED;
    copy.resolution = null;
    copy.acknowledgedAt = at;
    copy.resolvedAt = null;
    return copy.build();
  }

  static Incident withOwner(Incident incident, String owner) {
    Copy copy = new Copy(incident);
    copy.owner = owner;
    return copy.build();
  }

  /** The components that change during an incident's life, seeded from one incident. */
  private static final class Copy {
    private final Incident incident;
    private String title;
    private Severity severity;
    private String rule;
    private IncidentStatus status;
    private Resolution resolution;
    private String owner;
    private List<String> consumers;
    private List<String> agreements;
    private List<Subject> impact;
    private Instant acknowledgedAt;
    private Instant resolvedAt;
    private Instant lastFailureAt;
    private int count;
    private String message;

    Copy(Incident incident) {
      this.incident = incident;
      title = incident.title();
      severity = incident.severity();
      rule = incident.severityRule();
      status = incident.status();
      resolution = incident.resolution();
      owner = incident.owner();
      consumers = incident.consumers();
      agreements = incident.agreements();
      impact = incident.impact();
      acknowledgedAt = incident.acknowledgedAt();
      resolvedAt = incident.resolvedAt();
      lastFailureAt = incident.lastFailureAt();
      count = incident.observationCount();
      message = incident.lastMessage();
    }

    Incident build() {
      return new Incident(
          incident.id(),
          incident.key(),
          title,
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
}
