package dev.nines.notify.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nines.incident.Incident;
import dev.nines.incident.IncidentStatus;
import dev.nines.incident.Resolution;
import dev.nines.incident.Severity;
import dev.nines.incident.Subject;
import dev.nines.notify.Alert;
import dev.nines.notify.AlertAction;
import dev.nines.notify.ChannelConfig;
import dev.nines.observation.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Incidents and alerts as the notifier would hand them to a channel. */
final class SampleAlerts {
  static final Instant STARTED = Instant.parse("2026-11-26T02:00:00Z");
  static final Instant DETECTED = Instant.parse("2026-11-26T03:00:00Z");
  static final Instant NOW = Instant.parse("2026-11-26T05:10:00Z");
  static final Instant RESOLVED = Instant.parse("2026-11-26T06:00:00Z");
  static final String LINK = "https://nines.example.com/api/v1/incidents/12";
  static final String RUNBOOK = "https://wiki.example.com/runbooks/orders";
  static final String FAILURE = "orders is 27h old, agreed at most 24h";
  static final String REMEDIATION = "re-run Airflow DAG orders_dag";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SampleAlerts() {}

  static Incident incident(long id, Severity severity, Kind kind, IncidentStatus status) {
    boolean resolved = status == IncidentStatus.RESOLVED;
    return new Incident(
        id,
        "dataset:orders:freshness",
        "orders is late",
        Subject.dataset("orders"),
        "freshness",
        kind,
        severity,
        "consumer finance breach SEV1",
        status,
        resolved ? Resolution.FIXED : null,
        "data-eng",
        List.of("finance"),
        List.of("orders is never older than 24 hours"),
        List.of(Subject.dataset("orders_daily"), Subject.dataset("revenue")),
        STARTED,
        DETECTED,
        status == IncidentStatus.ACKNOWLEDGED ? NOW : null,
        resolved ? RESOLVED : null,
        DETECTED,
        3,
        FAILURE);
  }

  static Alert alert(AlertAction action, Severity severity, Kind kind) {
    IncidentStatus status =
        switch (action) {
          case TRIGGER -> IncidentStatus.OPEN;
          case ACKNOWLEDGE -> IncidentStatus.ACKNOWLEDGED;
          case RESOLVE -> IncidentStatus.RESOLVED;
        };
    return new Alert(
        action,
        incident(12, severity, kind, status),
        LINK,
        List.of(FAILURE),
        RUNBOOK,
        List.of(REMEDIATION),
        action == AlertAction.RESOLVE ? RESOLVED : NOW);
  }

  static Alert trigger() {
    return alert(AlertAction.TRIGGER, Severity.SEV1, Kind.DATA);
  }

  static Alert acknowledge() {
    return alert(AlertAction.ACKNOWLEDGE, Severity.SEV1, Kind.DATA);
  }

  static Alert resolve() {
    return alert(AlertAction.RESOLVE, Severity.SEV1, Kind.DATA);
  }

  /** Alerts for incidents 1..count, alternating triggers and resolves. */
  static List<Alert> burst(int count) {
    return java.util.stream.IntStream.rangeClosed(1, count)
        .mapToObj(
            id -> {
              boolean resolved = id % 2 == 0;
              return new Alert(
                  resolved ? AlertAction.RESOLVE : AlertAction.TRIGGER,
                  incident(
                      id,
                      Severity.SEV3,
                      Kind.DATA,
                      resolved ? IncidentStatus.RESOLVED : IncidentStatus.OPEN),
                  "https://nines.example.com/api/v1/incidents/" + id,
                  List.of("duplicates found: " + id),
                  null,
                  List.of(),
                  NOW);
            })
        .toList();
  }

  static ChannelConfig channel(String type, Map<String, String> options) {
    return new ChannelConfig("team-" + type, type, options);
  }

  static JsonNode json(String body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException notJson) {
      throw new UncheckedIOException(notJson);
    }
  }

  /** Every text value of a JSON tree, joined: to check what a message says wherever it says it. */
  static String allText(JsonNode node) {
    StringBuilder text = new StringBuilder();
    collect(node, text);
    return text.toString();
  }

  private static void collect(JsonNode node, StringBuilder text) {
    if (node.isValueNode()) {
      text.append(node.asText()).append('\n');
    }
    node.elements().forEachRemaining(child -> collect(child, text));
  }
}
