package dev.nines.notify;

import dev.nines.incident.Severity;
import java.time.Instant;
import java.util.Objects;

/**
 * The notifier's memory of one incident on one channel: what the channel last heard, when, and when
 * it is next due to hear something (group wait, group interval, repeat, business hours, digest).
 *
 * @param incidentId the incident
 * @param channel the channel's name
 * @param sent what the channel last heard
 * @param sentSeverity the severity it last heard; null before the first message
 * @param lastSentAt when it last heard; null before the first message
 * @param dueAt when the group is next looked at; null when nothing is pending
 * @param sequence how many messages this group produced, part of each message's dedup key
 * @param heldUntil when a silence or maintenance window holding it ends; null when not held
 */
public record GroupState(
    long incidentId,
    String channel,
    SentState sent,
    Severity sentSeverity,
    Instant lastSentAt,
    Instant dueAt,
    int sequence,
    Instant heldUntil) {
  public GroupState {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(sent, "sent");
  }

  /** A group that has heard nothing and is due at {@code dueAt}. */
  public static GroupState fresh(long incidentId, String channel, Instant dueAt) {
    return new GroupState(incidentId, channel, SentState.NONE, null, null, dueAt, 0, null);
  }

  public GroupState due(Instant at) {
    return new GroupState(
        incidentId, channel, sent, sentSeverity, lastSentAt, at, sequence, heldUntil);
  }

  public GroupState held(Instant until) {
    return new GroupState(
        incidentId, channel, sent, sentSeverity, lastSentAt, until, sequence, until);
  }

  /** After a message with {@code action} about an incident of {@code severity} went out. */
  public GroupState sent(AlertAction action, Severity severity, Instant at, Instant nextDue) {
    SentState state =
        switch (action) {
          case TRIGGER -> SentState.TRIGGERED;
          case ACKNOWLEDGE -> SentState.ACKNOWLEDGED;
          case RESOLVE -> SentState.RESOLVED;
        };
    return new GroupState(incidentId, channel, state, severity, at, nextDue, sequence + 1, null);
  }
}
