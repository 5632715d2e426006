package dev.nines.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * An incident with the bookkeeping the manager needs and people do not: how many passes in a row
 * its cause has had since its last failure, and since when it has had its severity (escalation
 * counts from there).
 */
public record TrackedIncident(Incident incident, int consecutivePasses, Instant severitySince) {
  public TrackedIncident {
    Objects.requireNonNull(incident, "incident");
    if (consecutivePasses < 0) {
      throw new IllegalArgumentException("consecutivePasses must not be negative");
    }
    severitySince = severitySince == null ? incident.detectedAt() : severitySince;
  }

  public long id() {
    return incident.id();
  }

  public TrackedIncident with(Incident changed) {
    return new TrackedIncident(changed, consecutivePasses, severitySince);
  }
}
