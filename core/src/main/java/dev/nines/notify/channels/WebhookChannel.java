package dev.nines.notify.channels;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.incident.Incident;
import dev.nines.incident.Subject;
import dev.nines.notify.Alert;
import dev.nines.notify.ChannelConfig;
import dev.nines.notify.ChannelType;
import dev.nines.notify.OutboundMessage;
import dev.nines.notify.SecretSlots;
import dev.nines.notify.Transport;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A generic webhook: a JSON POST to option {@code url}. The body (version 1, fields only ever
 * added) is, for one alert:
 *
 * <pre>{@code
 * {"version": 1, "delivery": "<id>", "kind": "alert", "at": "<ISO-8601>",
 *  "alert": {"action": "trigger|acknowledge|resolve", "dedup_key": "nines-incident-12",
 *            "link": "...", "failures": ["..."], "runbook": "..."|null, "remediations": ["..."],
 *            "incident": {"id", "title", "subject": {"kind", "name"}, "cause", "kind" (SYSTEM|DATA),
 *                         "severity", "severity_meaning", "severity_rule", "status", "resolution",
 *                         "owner", "consumers", "agreements", "impact": [{"kind", "name"}],
 *                         "started_at", "detected_at", "acknowledged_at", "resolved_at",
 *                         "last_failure_at", "observation_count", "last_message"}}}
 * }</pre>
 *
 * and for a group or digest {@code "kind": "group"} with {@code "alerts": [ ... ]} instead of
 * {@code "alert"}. When new downstream failures join a firing incident, {@code "kind":
 * "impact_added"} with {@code "alert"} (the incident as it is now, its {@code impact} complete;
 * {@code action} {@code trigger}, or {@code acknowledge} once a person took it) and {@code
 * "impact_added": [{"kind", "name"}]}, the subjects that joined. Times are ISO-8601 UTC, absent
 * values are {@code null}.
 *
 * <p>Headers: {@code X-Nines-Delivery}, an id that stays the same when the same message is sent
 * again (deduplicate on it). With option {@code secret}: {@code X-Nines-Timestamp} (Unix seconds
 * when the message was made) and {@code X-Nines-Signature: sha256=<hex>}, the lowercase hex
 * HMAC-SHA256, keyed with the secret, of the timestamp, a dot and the raw body. A receiver verifies
 * it by computing the same HMAC over {@code <X-Nines-Timestamp>.<raw body bytes>}, comparing in
 * constant time, and may refuse timestamps older than it tolerates: a retried message keeps its
 * first timestamp, so allow at least the notifier's give-up time or deduplicate on the delivery id.
 */
public final class WebhookChannel implements ChannelType {
  static final String SIGNATURE = "X-Nines-Signature";
  static final String TIMESTAMP = "X-Nines-Timestamp";

  /** The header holding the Unix seconds that the signature covers. */
  public static final String TIMESTAMP_HEADER = TIMESTAMP;

  static final String DELIVERY = "X-Nines-Delivery";

  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public List<String> requiredOptions() {
    return List.of("url");
  }

  @Override
  public List<String> optionalOptions() {
    return List.of("secret");
  }

  @Override
  public List<String> secretOptions() {
    return List.of("url", "secret");
  }

  @Override
  public OutboundMessage render(ChannelConfig channel, Alert alert) {
    ObjectNode body = Json.object();
    body.put("version", 1);
    String delivery =
        deliveryId(channel, alert.dedupKey() + "/" + alert.action() + "/" + alert.at());
    body.put("delivery", delivery);
    body.put("kind", "alert");
    body.put("at", alert.at().toString());
    body.set("alert", alert(alert));
    return message(channel, body, delivery, alert.at());
  }

  @Override
  public List<OutboundMessage> renderGroup(ChannelConfig channel, List<Alert> alerts, Instant at) {
    if (alerts.isEmpty()) {
      return List.of();
    }
    StringBuilder identity = new StringBuilder("group/").append(at);
    ObjectNode body = Json.object();
    body.put("version", 1);
    ArrayNode list = Json.array();
    for (Alert alert : alerts) {
      identity.append('/').append(alert.dedupKey()).append('/').append(alert.action());
      list.add(alert(alert));
    }
    String delivery = deliveryId(channel, identity.toString());
    body.put("delivery", delivery);
    body.put("kind", "group");
    body.put("at", at.toString());
    body.set("alerts", list);
    return List.of(message(channel, body, delivery, at));
  }

  /** An {@code impact_added} event: the incident as it is now and the subjects that joined it. */
  @Override
  public List<OutboundMessage> renderImpact(
      ChannelConfig channel, Alert alert, List<Subject> added) {
    StringBuilder identity = new StringBuilder(alert.dedupKey()).append("/impact");
    ArrayNode subjects = Json.array();
    for (Subject subject : added) {
      identity.append('/').append(subject);
      subjects.add(subject(subject));
    }
    String delivery = deliveryId(channel, identity.append('/').append(alert.at()).toString());
    ObjectNode body = Json.object();
    body.put("version", 1);
    body.put("delivery", delivery);
    body.put("kind", "impact_added");
    body.put("at", alert.at().toString());
    body.set("alert", alert(alert));
    body.set("impact_added", subjects);
    return List.of(message(channel, body, delivery, alert.at()));
  }

  /** {@code sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">}. */
  public static String signature(String secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "sha256=" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException | InvalidKeyException unavailable) {
      throw new IllegalStateException("HMAC-SHA256 is not available", unavailable);
    }
  }

  private static OutboundMessage message(
      ChannelConfig channel, ObjectNode body, String delivery, Instant madeAt) {
    String json = Json.write(body);
    Map<String, String> headers = new LinkedHashMap<>(Json.CONTENT_TYPE);
    headers.put(DELIVERY, delivery);
    String secret = Options.optional(channel, "secret", null);
    if (secret != null) {
      String timestamp = Long.toString(madeAt.getEpochSecond());
      headers.put(TIMESTAMP, timestamp);
      // a placeholder secret (the outbox keeps none) is signed at delivery over the body sent
      headers.put(
          SIGNATURE,
          SecretSlots.isPlaceholder(secret)
              ? SecretSlots.signaturePlaceholder(secret)
              : signature(secret, timestamp, json));
    }
    return new OutboundMessage(
        channel.name(),
        Transport.HTTP_POST,
        Options.required(channel, "url"),
        headers,
        null,
        json,
        null);
  }

  private static ObjectNode alert(Alert alert) {
    ObjectNode node = Json.object();
    node.put("action", alert.action().name().toLowerCase(Locale.ROOT));
    node.put("dedup_key", alert.dedupKey());
    node.put("link", alert.link());
    ArrayNode failures = node.putArray("failures");
    new AlertText(alert).failures().forEach(failures::add);
    node.put("runbook", alert.runbook());
    ArrayNode remediations = node.putArray("remediations");
    alert.remediations().forEach(remediations::add);
    node.set("incident", incident(alert.incident()));
    return node;
  }

  private static ObjectNode incident(Incident incident) {
    ObjectNode node = Json.object();
    node.put("id", incident.id());
    node.put("title", incident.title());
    node.set("subject", subject(incident.subject()));
    node.put("cause", incident.cause());
    node.put("kind", incident.kind().name());
    node.put("severity", incident.severity().name());
    node.put("severity_meaning", incident.severity().meaning());
    node.put("severity_rule", incident.severityRule());
    node.put("status", incident.status().name());
    node.put("resolution", incident.resolution() == null ? null : incident.resolution().name());
    node.put("owner", incident.owner());
    ArrayNode consumers = node.putArray("consumers");
    incident.consumers().forEach(consumers::add);
    ArrayNode agreements = node.putArray("agreements");
    incident.agreements().forEach(agreements::add);
    ArrayNode impact = node.putArray("impact");
    incident.impact().forEach(subject -> impact.add(subject(subject)));
    node.put("started_at", text(incident.startedAt()));
    node.put("detected_at", text(incident.detectedAt()));
    node.put("acknowledged_at", text(incident.acknowledgedAt()));
    node.put("resolved_at", text(incident.resolvedAt()));
    node.put("last_failure_at", text(incident.lastFailureAt()));
    node.put("observation_count", incident.observationCount());
    node.put("last_message", incident.lastMessage());
    return node;
  }

  private static ObjectNode subject(Subject subject) {
    return Json.object().put("kind", subject.kind().name()).put("name", subject.name());
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  /** The same message always gets the same id; a different channel or moment, another. */
  private static String deliveryId(ChannelConfig channel, String identity) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((channel.name() + "/" + identity).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException unavailable) {
      throw new IllegalStateException("SHA-256 is not available", unavailable);
    }
  }
}
