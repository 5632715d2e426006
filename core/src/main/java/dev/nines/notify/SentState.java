package dev.nines.notify;

/** What a channel last heard about an incident. */
public enum SentState {
  /** Nothing yet. */
  NONE,
  /** A trigger (the incident is firing). */
  TRIGGERED,
  /** An acknowledgement. */
  ACKNOWLEDGED,
  /** A resolve: the channel knows it is over. */
  RESOLVED;

  /** Whether the channel was told the incident is firing and not yet that it is over. */
  public boolean isFiring() {
    return this == TRIGGERED || this == ACKNOWLEDGED;
  }
}
