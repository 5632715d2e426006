package dev.nines.server.notify;

/** How one delivery attempt ended. */
public enum DeliveryOutcome {
  /** The receiver took the message. */
  DELIVERED,
  /** It may work later: the receiver was down, slow, busy or rate limiting. */
  RETRY,
  /** It will not work by trying again (bad key, bad url, unknown recipient): give up now. */
  REJECTED
}
