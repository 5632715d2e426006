package dev.nines.slo;

/** What a burn-rate alert asks for. */
public enum AlertLevel {
  /** Nothing burns fast enough to act. */
  NONE,
  /** A slow burn: someone should look within a working day. */
  TICKET,
  /** A fast burn: wake someone now. */
  PAGE
}
