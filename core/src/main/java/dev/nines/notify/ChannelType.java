package dev.nines.notify;

import dev.nines.incident.Subject;
import java.time.Instant;
import java.util.List;

/**
 * A kind of notification channel (Slack, PagerDuty, email, ...): which options it takes and how an
 * alert becomes its vendor's message. One implementation per file, registered in {@code
 * ChannelTypes}.
 */
public interface ChannelType {
  /** The key in the spec, e.g. {@code slack}. */
  String name();

  /** Options that must be set. */
  List<String> requiredOptions();

  /** Options that may be set. */
  List<String> optionalOptions();

  /**
   * Options that hold secrets (keys, webhook urls, passwords): rendering gets placeholders for
   * them, resolved at delivery, so the outbox never keeps them (see {@link SecretSlots}).
   */
  default List<String> secretOptions() {
    return List.of();
  }

  /** The vendor's message for one alert. */
  OutboundMessage render(ChannelConfig channel, Alert alert);

  /**
   * One message summing up several alerts (a group or a daily digest), made at {@code at}. The
   * default, for types whose vendor tracks each incident by key (PagerDuty, Opsgenie,
   * Alertmanager), is one message per alert.
   */
  default List<OutboundMessage> renderGroup(ChannelConfig channel, List<Alert> alerts, Instant at) {
    return alerts.stream().map(alert -> render(channel, alert)).toList();
  }

  /**
   * A short update saying the still-firing incident of {@code alert} now also affects {@code added}
   * (new downstream failures). Empty, the default, for types that do not take updates: those that
   * track an incident by key (PagerDuty, Opsgenie, Alertmanager), and email, where a message per
   * impact would be noise.
   */
  default List<OutboundMessage> renderImpact(
      ChannelConfig channel, Alert alert, List<Subject> added) {
    return List.of();
  }
}
