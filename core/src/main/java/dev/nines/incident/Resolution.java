package dev.nines.incident;

/**
 * Why an incident was resolved. {@link #EXPECTED} and {@link #FALSE_POSITIVE} are kept so anomaly
 * detection can learn from them.
 */
public enum Resolution {
  /** The problem was real and is fixed (also what auto-resolve records). */
  FIXED,
  /** The change was expected, e.g. a planned backfill or migration. */
  EXPECTED,
  /** The check was wrong: nothing was broken. */
  FALSE_POSITIVE,
  /** Real but not worth acting on. */
  NO_ACTION_NEEDED
}
