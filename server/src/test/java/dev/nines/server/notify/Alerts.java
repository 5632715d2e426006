package dev.nines.server.notify;

import dev.nines.incident.Incident;
import dev.nines.incident.IncidentStatus;
import dev.nines.incident.Resolution;
import dev.nines.incident.Severity;
import dev.nines.incident.Subject;
import dev.nines.notify.Alert;
import dev.nines.notify.AlertAction;
import dev.nines.observation.Kind;
import java.time.Instant;
import java.util.List;

/** Alerts for the sender tests. */
final class Alerts {
  static final Instant NOW = Instant.parse("2026-11-26T05:10:00Z");
  static final String LINK = "http://localhost:8080/api/v1/incidents/7";

  private Alerts() {}

  static Alert of(AlertAction action) {
    boolean resolved = action == AlertAction.RESOLVE;
    Incident incident =
        new Incident(
            7,
            "source:warehouse:connection",
            "warehouse is down",
            Subject.source("warehouse"),
            "connection",
            Kind.SYSTEM,
            Severity.SEV1,
            "default: a source that is down is SEV1",
            resolved
                ? IncidentStatus.RESOLVED
                : action == AlertAction.ACKNOWLEDGE
                    ? IncidentStatus.ACKNOWLEDGED
                    : IncidentStatus.OPEN,
            resolved ? Resolution.FIXED : null,
            "platform",
            List.of("finance"),
            List.of("orders is never older than 24 hours"),
            List.of(Subject.dataset("orders")),
            Instant.parse("2026-11-26T05:00:00Z"),
            Instant.parse("2026-11-26T05:01:00Z"),
            action == AlertAction.ACKNOWLEDGE ? NOW : null,
            resolved ? NOW : null,
            Instant.parse("2026-11-26T05:01:00Z"),
            1,
            "connection refused by warehouse:5432");
    return new Alert(
        action,
        incident,
        LINK,
        List.of("connection refused by warehouse:5432"),
        "https://wiki.example.com/runbooks/warehouse",
        List.of(),
        NOW);
  }
}
