package dev.nines.observation;

/** Whether an observation speaks of the data itself or of the systems around it. */
public enum Kind {
  /** The data is wrong, late, missing or duplicated. */
  DATA,
  /** Something around the data failed: a database down, a timeout, a permission, bad SQL. */
  SYSTEM
}
