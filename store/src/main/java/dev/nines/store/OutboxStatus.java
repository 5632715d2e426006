package dev.nines.store;

/** Where an outbox message is. */
public enum OutboxStatus {
  /** Waiting for its first or next attempt. */
  PENDING,
  /** The receiver took it. */
  DELIVERED,
  /** Given up: rejected, or failing for longer than {@code give_up_after}. */
  FAILED
}
