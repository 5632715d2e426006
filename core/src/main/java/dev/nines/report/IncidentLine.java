package dev.nines.report;

import dev.nines.incident.Incident;
import dev.nines.incident.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An incident as a report lists it.
 *
 * @param id its number
 * @param title its one line
 * @param subject e.g. {@code dataset orders}
 * @param severity how urgent it was
 * @param startedAt when the problem started
 * @param resolvedAt when it was resolved; null while active
 * @param timeToDetect start to detection
 * @param timeToResolve detection to resolution; null while active
 */
public record IncidentLine(
    long id,
    String title,
    String subject,
    Severity severity,
    Instant startedAt,
    Instant resolvedAt,
    Duration timeToDetect,
    Duration timeToResolve) {
  public IncidentLine {
    Objects.requireNonNull(subject, "subject");
  }

  public static IncidentLine of(Incident incident) {
    return new IncidentLine(
        incident.id(),
        incident.title(),
        incident.subject().toString(),
        incident.severity(),
        incident.startedAt(),
        incident.resolvedAt(),
        incident.timeToDetect(),
        incident.timeToResolve().orElse(null));
  }
}
