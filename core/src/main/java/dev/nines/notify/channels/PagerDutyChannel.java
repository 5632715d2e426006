package dev.nines.notify.channels;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.incident.Incident;
import dev.nines.incident.Severity;
import dev.nines.notify.Alert;
import dev.nines.notify.AlertAction;
import dev.nines.notify.ChannelConfig;
import dev.nines.notify.ChannelType;
import dev.nines.notify.OutboundMessage;
import dev.nines.notify.Transport;
import java.util.List;
import java.util.Locale;

/**
 * PagerDuty Events API v2: a JSON POST to {@code https://events.pagerduty.com/v2/enqueue} (option
 * {@code api_url} replaces it, e.g. for tests) with {@code routing_key}, {@code event_action}
 * ({@code trigger}, {@code acknowledge}, {@code resolve}) and one {@code dedup_key} per incident. A
 * trigger carries {@code payload} with {@code summary} (at most 1024 characters), {@code source},
 * {@code severity} ({@code critical}, {@code error}, {@code warning} or {@code info}), {@code
 * timestamp}, {@code component}, {@code group}, {@code class} and {@code custom_details}, plus
 * {@code links}, {@code client} and {@code client_url}; acknowledge and resolve carry only the
 * routing key, dedup key and action. PagerDuty answers 202 when it accepts an event.
 */
public final class PagerDutyChannel implements ChannelType {
  /** The Events API v2 endpoint. */
  public static final String DEFAULT_URL = "https://events.pagerduty.com/v2/enqueue";

  static final int MAX_SUMMARY = 1024;

  @Override
  public String name() {
    return "pagerduty";
  }

  @Override
  public List<String> requiredOptions() {
    return List.of("routing_key");
  }

  @Override
  public List<String> optionalOptions() {
    return List.of("api_url");
  }

  @Override
  public List<String> secretOptions() {
    return List.of("routing_key");
  }

  @Override
  public OutboundMessage render(ChannelConfig channel, Alert alert) {
    ObjectNode body = Json.object();
    body.put("routing_key", Options.required(channel, "routing_key"));
    body.put("event_action", alert.action().name().toLowerCase(Locale.ROOT));
    body.put("dedup_key", alert.dedupKey());
    if (alert.action() == AlertAction.TRIGGER) {
      trigger(body, alert);
    }
    return new OutboundMessage(
        channel.name(),
        Transport.HTTP_POST,
        Options.optional(channel, "api_url", DEFAULT_URL),
        Json.CONTENT_TYPE,
        null,
        Json.write(body),
        null);
  }

  /** SEV1 critical, SEV2 error, SEV3 warning, INFO info. */
  static String severity(Severity severity) {
    return switch (severity) {
      case SEV1 -> "critical";
      case SEV2 -> "error";
      case SEV3 -> "warning";
      case INFO -> "info";
    };
  }

  private static void trigger(ObjectNode body, Alert alert) {
    Incident incident = alert.incident();
    AlertText text = new AlertText(alert);
    ObjectNode payload = body.putObject("payload");
    payload.put(
        "summary",
        AlertText.cut(text.headline() + ": " + String.join(" | ", text.failures()), MAX_SUMMARY));
    payload.put("source", incident.subject().toString());
    payload.put("severity", severity(incident.severity()));
    payload.put("timestamp", incident.detectedAt().toString());
    payload.put("component", incident.subject().name());
    payload.put(
        "group",
        incident.owner() == null
            ? incident.subject().kind().name().toLowerCase(Locale.ROOT)
            : incident.owner());
    payload.put("class", incident.kind().name() + " " + text.what());
    ObjectNode details = payload.putObject("custom_details");
    details.put("incident", "#" + incident.id());
    details.put("what_failed", String.join("\n", text.failures()));
    details.put("kind", text.kind());
    details.put("severity", text.severity());
    details.put("since", text.since());
    details.put("owner", text.owner());
    details.put("affected", text.affected());
    details.put("runbook", text.runbook());
    details.put("remediation", text.remediation());
    details.put("link", alert.link());
    ObjectNode link = body.putArray("links").addObject();
    link.put("href", alert.link());
    link.put("text", "Incident #" + incident.id() + " in Nines");
    if (text.runbookIsUrl()) {
      body.withArray("links").addObject().put("href", alert.runbook()).put("text", "Runbook");
    }
    body.put("client", "Nines");
    body.put("client_url", alert.link());
  }
}
