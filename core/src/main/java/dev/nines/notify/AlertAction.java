package dev.nines.notify;

/** What a notification says about its incident. */
public enum AlertAction {
  /** The incident opened, reopened, escalated, or is still firing (a repeat). */
  TRIGGER,
  /** A person acknowledged it. */
  ACKNOWLEDGE,
  /** It is over. Every trigger is followed by one. */
  RESOLVE
}
