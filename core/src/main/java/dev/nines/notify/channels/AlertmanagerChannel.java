package dev.nines.notify.channels;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.incident.Incident;
import dev.nines.notify.Alert;
import dev.nines.notify.AlertAction;
import dev.nines.notify.ChannelConfig;
import dev.nines.notify.ChannelType;
import dev.nines.notify.OutboundMessage;
import dev.nines.notify.Transport;
import java.time.Instant;
import java.util.List;

/**
 * Prometheus Alertmanager API v2: a JSON POST to {@code <url>/api/v2/alerts} of an array of alerts,
 * each with {@code labels} (which identify the alert; {@code alertname} is required), {@code
 * annotations} (informational, the latest wins), {@code startsAt} and {@code endsAt} (RFC 3339,
 * optional) and {@code generatorURL} (a back-link). Clients re-send firing alerts (every 30 s to 3
 * min) and set {@code endsAt} once the alert is over. Rendering depends only on the alert, so a
 * re-send is the same message. Labels: {@code alertname} (the cause), {@code severity}, {@code
 * subject}, {@code kind}, {@code incident}, {@code dedup}; since the severity is a label, an
 * escalated incident is a new Alertmanager alert and the old one expires when it is no longer
 * re-sent.
 */
public final class AlertmanagerChannel implements ChannelType {
  static final String PATH = "/api/v2/alerts";

  @Override
  public String name() {
    return "alertmanager";
  }

  @Override
  public List<String> requiredOptions() {
    return List.of("url");
  }

  @Override
  public List<String> optionalOptions() {
    return List.of();
  }

  @Override
  public List<String> secretOptions() {
    return List.of("url");
  }

  @Override
  public OutboundMessage render(ChannelConfig channel, Alert alert) {
    ArrayNode alerts = Json.array();
    alerts.add(alert(alert));
    return new OutboundMessage(
        channel.name(),
        Transport.HTTP_POST,
        Options.base(Options.required(channel, "url")) + PATH,
        Json.CONTENT_TYPE,
        null,
        Json.write(alerts),
        null);
  }

  private static ObjectNode alert(Alert alert) {
    Incident incident = alert.incident();
    AlertText text = new AlertText(alert);
    ObjectNode node = Json.object();
    ObjectNode labels = node.putObject("labels");
    labels.put("alertname", text.what());
    labels.put("severity", incident.severity().name());
    labels.put("subject", incident.subject().name());
    labels.put("kind", incident.kind().name());
    labels.put("incident", Long.toString(incident.id()));
    labels.put("dedup", alert.dedupKey());
    ObjectNode annotations = node.putObject("annotations");
    annotations.put("summary", text.headline());
    annotations.put("description", String.join("\n", text.lines()));
    if (text.runbookIsUrl()) {
      annotations.put("runbook_url", alert.runbook());
    } else if (alert.runbook() != null && !alert.runbook().isBlank()) {
      annotations.put("runbook", alert.runbook());
    }
    annotations.put("since", text.since());
    annotations.put("affected", text.affected());
    annotations.put("remediation", text.remediation());
    if (alert.action() == AlertAction.ACKNOWLEDGE) {
      annotations.put("acknowledged", text.outcome());
    }
    node.put("startsAt", incident.startedAt().toString());
    if (alert.action() == AlertAction.RESOLVE) {
      Instant end = incident.resolvedAt() == null ? alert.at() : incident.resolvedAt();
      node.put("endsAt", end.toString());
    }
    node.put("generatorURL", alert.link());
    return node;
  }
}
