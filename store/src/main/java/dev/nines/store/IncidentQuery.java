package dev.nines.store;

import dev.nines.incident.IncidentStatus;
import dev.nines.incident.Severity;
import java.time.Instant;

/**
 * Which incidents to list; every field may be null for no filter.
 *
 * @param status exactly this status
 * @param active true for open or acknowledged, false for resolved
 * @param severity exactly this severity
 * @param subject the subject's name, or a dataset among its impact
 * @param owner exactly this owner
 * @param consumer a consumer it affects
 * @param since detected at or after
 * @param until detected before
 */
public record IncidentQuery(
    IncidentStatus status,
    Boolean active,
    Severity severity,
    String subject,
    String owner,
    String consumer,
    Instant since,
    Instant until) {
  public static final IncidentQuery ALL =
      new IncidentQuery(null, null, null, null, null, null, null, null);
}
