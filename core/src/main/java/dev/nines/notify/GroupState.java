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
 * @param impactHeard how many of the incident's impacted subjects (in the order they joined) the
 *     channel was told about; null when not known (groups stored before it was kept)
 */
public record GroupState(
    long incidentId,
    String channel,
    SentState sent,
    Severity sentSeverity,
    Instant lastSentAt,
    Instant dueAt,
    int sequence,
    Instant heldUntil,
    Integer impactHeard) {
  public GroupState {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(sent, "sent");
    if (impactHeard != null && impactHeard < 0) {
      throw new IllegalArgumentException("impactHeard must not be negative: " + impactHeard);
    }
  }

  /** A group without a count of the impact it heard (as stored before it was kept). */
  public GroupState(
      long incidentId,
      String channel,
      SentState sent,
      Severity sentSeverity,
      Instant lastSentAt,
      Instant dueAt,
      int sequence,
      Instant heldUntil) {
    this(incidentId, channel, sent, sentSeverity, lastSentAt, dueAt, sequence, heldUntil, null);
  }

  /** A group that has heard nothing and is due at {@code dueAt}. */
  public static GroupState fresh(long incidentId, String channel, Instant dueAt) {
    return new GroupState(incidentId, channel, SentState.NONE, null, null, dueAt, 0, null, 0);
  }

  public GroupState due(Instant at) {
    return new GroupState(
        incidentId, channel, sent, sentSeverity, lastSentAt, at, sequence, heldUntil, impactHeard);
  }

  public GroupState held(Instant until) {
    return new GroupState(
        incidentId, channel, sent, sentSeverity, lastSentAt, until, sequence, until, impactHeard);
  }

  /** After a message with {@code action} about an incident of {@code severity} went out. */
  public GroupState sent(AlertAction action, Severity severity, Instant at, Instant nextDue) {
    return sent(action, severity, impactHeard, at, nextDue);
  }

  /**
   * After a message with {@code action} about an incident of {@code severity} and {@code
   * impactHeard} impacted subjects went out.
   */
  public GroupState sent(
      AlertAction action, Severity severity, Integer impactHeard, Instant at, Instant nextDue) {
    SentState state =
        switch (action) {
          case TRIGGER -> SentState.TRIGGERED;
          case ACKNOWLEDGE -> SentState.ACKNOWLEDGED;
          case RESOLVE -> SentState.RESOLVED;
        };
    return new GroupState(
        incidentId, channel, state, severity, at, nextDue, sequence + 1, null, impactHeard);
  }

  /**
   * After an update telling the channel of newly impacted subjects went out: what it heard of the
   * incident's state is unchanged; the update counts as a message for group interval and repeat.
   */
  public GroupState updated(int impactHeard, Instant at, Instant nextDue) {
    return new GroupState(
        incidentId, channel, sent, sentSeverity, at, nextDue, sequence + 1, null, impactHeard);
  }

  /** The same group with the impact count set, e.g. when a channel takes no updates. */
  public GroupState heardImpact(int count) {
    return new GroupState(
        incidentId, channel, sent, sentSeverity, lastSentAt, dueAt, sequence, heldUntil, count);
  }
}
