package dev.nines.incident;

import dev.nines.observation.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem, grouping the failing observations it explains.
 *
 * @param id the store's id, shown to people as {@code #id}
 * @param key what groups failures into this incident while it is open: subject and cause
 * @param title one line a person reads first
 * @param subject the dataset or pipeline that failed
 * @param cause the failing check (dataset) or rule (pipeline), e.g. {@code duplicates_order_id}
 * @param kind SYSTEM (something around the data failed) or DATA (the data is wrong)
 * @param severity how urgent, see {@link Severity}
 * @param severityRule which rule of the severity policy gave the severity, in words
 * @param status open, acknowledged or resolved
 * @param resolution why it was resolved; null unless resolved
 * @param owner who is responsible, may be null
 * @param consumers consumers whose agreements are affected
 * @param agreements the affected agreements' promises, as written
 * @param impact downstream subjects whose failures joined this incident, or which are at risk
 * @param startedAt when the problem really started, when known, else the last passing observation
 *     before it, else {@code detectedAt}
 * @param detectedAt when the first failing observation was stored
 * @param acknowledgedAt when a person acknowledged it; null while not
 * @param resolvedAt when it was resolved; null while not
 * @param lastFailureAt the newest failing observation that joined it
 * @param observationCount how many failing observations joined it
 * @param lastMessage the newest failing observation's message
 */
public record Incident(
    long id,
    String key,
    String title,
    Subject subject,
    String cause,
    Kind kind,
    Severity severity,
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
    String lastMessage) {
  public Incident {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detectedAt, "detectedAt");
    consumers = consumers == null ? List.of() : List.copyOf(consumers);
    agreements = agreements == null ? List.of() : List.copyOf(agreements);
    impact = impact == null ? List.of() : List.copyOf(impact);
    startedAt = startedAt == null ? detectedAt : startedAt;
    if ((status == IncidentStatus.RESOLVED) != (resolvedAt != null)) {
      throw new IllegalArgumentException("a resolved incident, and only one, has resolvedAt");
    }
    if (resolution != null && status != IncidentStatus.RESOLVED) {
      throw new IllegalArgumentException("only a resolved incident has a resolution");
    }
  }

  /** Time to detect: from the start of the problem to its detection. */
  public Duration timeToDetect() {
    return positive(Duration.between(startedAt, detectedAt));
  }

  /** Time to acknowledge: from detection to a person's acknowledgement, when there was one. */
  public Optional<Duration> timeToAcknowledge() {
    return acknowledgedAt == null
        ? Optional.empty()
        : Optional.of(positive(Duration.between(detectedAt, acknowledgedAt)));
  }

  /** Time to resolve: from detection to resolution, when resolved. */
  public Optional<Duration> timeToResolve() {
    return resolvedAt == null
        ? Optional.empty()
        : Optional.of(positive(Duration.between(detectedAt, resolvedAt)));
  }

  /** Whether it is still open or acknowledged. */
  public boolean isActive() {
    return status != IncidentStatus.RESOLVED;
  }

  private static Duration positive(Duration duration) {
    return duration.isNegative() ? Duration.ZERO : duration;
  }

  /**
   * This incident as it stood at {@code at}: empty when it was detected later; when it was resolved
   * (or acknowledged) later, as still open (or not yet acknowledged) then.
   */
  public Optional<Incident> asSeenAt(Instant at) {
    if (detectedAt.isAfter(at)) {
      return Optional.empty();
    }
    boolean resolvedLater = resolvedAt != null && resolvedAt.isAfter(at);
    boolean acknowledgedLater = acknowledgedAt != null && acknowledgedAt.isAfter(at);
    if (!resolvedLater && !acknowledgedLater) {
      return Optional.of(this);
    }
    return Optional.of(Incidents.before(this, acknowledgedLater, resolvedLater));
  }
}
