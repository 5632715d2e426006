package dev.nines.notify.channels;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.incident.Incident;
import dev.nines.incident.Severity;
import dev.nines.notify.Alert;
import dev.nines.notify.ChannelConfig;
import dev.nines.notify.ChannelType;
import dev.nines.notify.OutboundMessage;
import dev.nines.notify.Transport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Opsgenie Alert API with header {@code Authorization: GenieKey <api_key>} against {@code api_url}
 * (default {@code https://api.opsgenie.com}; EU accounts {@code https://api.eu.opsgenie.com}).
 * Create is a POST to {@code /v2/alerts} with {@code message} (at most 130 characters), {@code
 * alias} (the dedup key, at most 512), {@code description} (at most 15000), {@code priority} P1–P5,
 * {@code tags}, {@code details} (string to string), {@code entity} and {@code source}; acknowledge
 * and close are POSTs to {@code /v2/alerts/{alias}/acknowledge} and {@code
 * /v2/alerts/{alias}/close} with {@code identifierType=alias} and a body of {@code user}, {@code
 * source} and {@code note}. Opsgenie answers 202 and processes requests asynchronously. Optional
 * option {@code tags}: extra tags, comma-separated.
 */
public final class OpsgenieChannel implements ChannelType {
  /** The API outside the EU. */
  public static final String DEFAULT_URL = "https://api.opsgenie.com";

  static final int MAX_MESSAGE = 130;
  static final int MAX_DESCRIPTION = 15_000;

  @Override
  public String name() {
    return "opsgenie";
  }

  @Override
  public List<String> requiredOptions() {
    return List.of("api_key");
  }

  @Override
  public List<String> optionalOptions() {
    return List.of("api_url", "tags");
  }

  @Override
  public List<String> secretOptions() {
    return List.of("api_key");
  }

  @Override
  public OutboundMessage render(ChannelConfig channel, Alert alert) {
    String base = Options.base(Options.optional(channel, "api_url", DEFAULT_URL)) + "/v2/alerts";
    String alias = URLEncoder.encode(alert.dedupKey(), StandardCharsets.UTF_8);
    Map<String, String> headers =
        Map.of(
            "Content-Type",
            "application/json",
            "Authorization",
            "GenieKey " + Options.required(channel, "api_key"));
    return switch (alert.action()) {
      case TRIGGER -> message(channel, base, headers, create(channel, alert));
      case ACKNOWLEDGE ->
          message(
              channel,
              base + "/" + alias + "/acknowledge?identifierType=alias",
              headers,
              followUp(alert, "Acknowledged in Nines"));
      case RESOLVE ->
          message(
              channel,
              base + "/" + alias + "/close?identifierType=alias",
              headers,
              followUp(alert, "Resolved in Nines: " + new AlertText(alert).outcome()));
    };
  }

  /** SEV1 P1, SEV2 P2, SEV3 P3, INFO P5 (P4 is left for people to lower an alert to). */
  static String priority(Severity severity) {
    return switch (severity) {
      case SEV1 -> "P1";
      case SEV2 -> "P2";
      case SEV3 -> "P3";
      case INFO -> "P5";
    };
  }

  private static ObjectNode create(ChannelConfig channel, Alert alert) {
    Incident incident = alert.incident();
    AlertText text = new AlertText(alert);
    ObjectNode body = Json.object();
    body.put("message", AlertText.cut(text.headline(), MAX_MESSAGE));
    body.put("alias", alert.dedupKey());
    body.put("description", AlertText.cut(String.join("\n", text.lines()), MAX_DESCRIPTION));
    body.put("priority", priority(incident.severity()));
    ArrayNode tags = body.putArray("tags");
    tags.add("nines");
    tags.add(incident.severity().name());
    tags.add(incident.kind().name());
    tags.add(
        incident.subject().kind().name().toLowerCase(java.util.Locale.ROOT)
            + ":"
            + incident.subject().name());
    if (incident.owner() != null) {
      tags.add("owner:" + incident.owner());
    }
    for (String extra : Options.optional(channel, "tags", "").split(",")) {
      if (!extra.isBlank()) {
        tags.add(extra.strip());
      }
    }
    ObjectNode details = body.putObject("details");
    details.put("incident", "#" + incident.id());
    details.put("kind", text.kind());
    details.put("since", text.since());
    details.put("owner", text.owner());
    details.put("affected", text.affected());
    details.put("runbook", text.runbook());
    details.put("remediation", text.remediation());
    details.put("link", alert.link());
    body.put("entity", incident.subject().toString());
    body.put("source", "Nines");
    return body;
  }

  private static ObjectNode followUp(Alert alert, String note) {
    return Json.object()
        .put("user", "Nines")
        .put("source", "Nines")
        .put("note", note + " — " + alert.link());
  }

  private static OutboundMessage message(
      ChannelConfig channel, String url, Map<String, String> headers, ObjectNode body) {
    return new OutboundMessage(
        channel.name(), Transport.HTTP_POST, url, headers, null, Json.write(body), null);
  }
}
