package dev.nines.store;

import dev.nines.notify.AlertAction;
import dev.nines.notify.OutboundMessage;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One message of the notification outbox.
 *
 * @param id the store's id (0 before it is stored)
 * @param dedupKey unique per incident(s), action, channel and sequence: queued once whatever
 *     happens
 * @param incidentIds the incidents it is about (several for a digest)
 * @param action what it says about them
 * @param message the rendered message, ready to send
 * @param status pending, delivered or failed (given up)
 * @param attempts delivery attempts so far
 * @param createdAt when it was queued
 * @param nextAttemptAt when it is next due
 * @param finishedAt when it was delivered or given up; null while pending
 * @param lastError why the last attempt failed, without secrets; null when none did
 */
public record OutboxEntry(
    long id,
    String dedupKey,
    List<Long> incidentIds,
    AlertAction action,
    OutboundMessage message,
    OutboxStatus status,
    int attempts,
    Instant createdAt,
    Instant nextAttemptAt,
    Instant finishedAt,
    String lastError) {
  public OutboxEntry {
    Objects.requireNonNull(dedupKey, "dedupKey");
    incidentIds = List.copyOf(incidentIds);
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
  }

  /** A message to queue now. */
  public static OutboxEntry queued(
      String dedupKey,
      List<Long> incidentIds,
      AlertAction action,
      OutboundMessage message,
      Instant at) {
    return new OutboxEntry(
        0, dedupKey, incidentIds, action, message, OutboxStatus.PENDING, 0, at, at, null, null);
  }

  /** The same entry with one more attempt counted. */
  public OutboxEntry attempted() {
    return new OutboxEntry(
        id,
        dedupKey,
        incidentIds,
        action,
        message,
        status,
        attempts + 1,
        createdAt,
        nextAttemptAt,
        finishedAt,
        lastError);
  }

  /** The channel it goes to. */
  public String channel() {
    return message.channel();
  }

  /** Printable form without the message: it holds urls and keys. */
  @Override
  public String toString() {
    return "OutboxEntry[id=" + id + ", dedupKey=" + dedupKey + ", status=" + status + "]";
  }
}
