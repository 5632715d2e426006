package dev.nines.store;

/** What became of an event handed to the store. */
public enum IngestOutcome {
  /** Saved, with the run's state brought up to date. */
  STORED,
  /** The same event was saved before; nothing changed. */
  DUPLICATE
}
