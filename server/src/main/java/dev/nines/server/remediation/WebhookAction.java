package dev.nines.server.remediation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.incident.Incident;
import dev.nines.incident.Subject;
import dev.nines.spec.RemediationSpec;
import dev.nines.spec.RemediationSpec.Webhook;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs the incident as JSON to a webhook, signed the way notification webhooks are: {@value
 * #DELIVERY_HEADER} is the attempt's run id (the same on a repeat, to deduplicate on); with a
 * secret, {@value #TIMESTAMP_HEADER} (Unix seconds) and {@value #SIGNATURE_HEADER} {@code
 * sha256=<hex>}, the HMAC-SHA256 keyed with the secret of the timestamp, a dot and the raw body.
 */
final class WebhookAction implements RemediationAction {
  static final String SIGNATURE_HEADER = "X-Nines-Signature";
  static final String TIMESTAMP_HEADER = "X-Nines-Timestamp";
  static final String DELIVERY_HEADER = "X-Nines-Delivery";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Webhook webhook;
  private final HttpCalls http;

  WebhookAction(Webhook webhook, HttpCalls http) {
    this.webhook = webhook;
    this.http = http;
  }

  @Override
  public ActionOutcome run(ActionRequest request) {
    String body;
    try {
      body = JSON.writeValueAsString(payload(request));
    } catch (JsonProcessingException e) {
      return ActionOutcome.failure("cannot write the webhook request: " + e.getOriginalMessage());
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put(DELIVERY_HEADER, request.runId());
    if (webhook.secret() != null) {
      String timestamp = Long.toString(request.at().getEpochSecond());
      headers.put(TIMESTAMP_HEADER, timestamp);
      headers.put(SIGNATURE_HEADER, "sha256=" + sign(webhook.secret(), timestamp + "." + body));
    }
    String who = "the webhook at " + RemediationSpec.origin(webhook.url());
    HttpCalls.Answer answer = http.post(webhook.url(), headers, body, who);
    if (!answer.answered()) {
      return ActionOutcome.failure(answer.failure());
    }
    if (answer.status() >= 200 && answer.status() < 300) {
      return ActionOutcome.success(who + " answered HTTP " + answer.status(), null);
    }
    String shown = HttpCalls.shown(answer.body());
    return ActionOutcome.failure(
        who + " answered HTTP " + answer.status() + (shown.isEmpty() ? "" : ": " + shown));
  }

  /** Hex HMAC-SHA256 of {@code signed} keyed with the secret. */
  static String sign(String secret, String signed) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static ObjectNode payload(ActionRequest request) {
    Incident incident = request.incident();
    ObjectNode root = JSON.createObjectNode();
    root.put("action", request.offer().name());
    root.put("attempt", request.attempt());
    root.put("run_id", request.runId());
    root.put("triggered_by", request.actor());
    root.put("at", request.at().toString());
    ObjectNode node = root.putObject("incident");
    node.put("id", incident.id());
    node.put("title", incident.title());
    subject(node.putObject("subject"), incident.subject());
    node.put("cause", incident.cause());
    node.put("kind", incident.kind().name());
    node.put("severity", incident.severity().name());
    node.put("status", incident.status().name());
    node.put("owner", incident.owner());
    strings(node.putArray("consumers"), incident.consumers());
    strings(node.putArray("agreements"), incident.agreements());
    ArrayNode impact = node.putArray("impact");
    incident.impact().forEach(subject -> subject(impact.addObject(), subject));
    node.put("started_at", text(incident.startedAt()));
    node.put("detected_at", text(incident.detectedAt()));
    node.put("last_message", incident.lastMessage());
    return root;
  }

  private static void subject(ObjectNode node, Subject subject) {
    node.put("kind", subject.kind().name());
    node.put("name", subject.name());
  }

  private static void strings(ArrayNode array, Iterable<String> values) {
    values.forEach(array::add);
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
