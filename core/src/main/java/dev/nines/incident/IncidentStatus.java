package dev.nines.incident;

/** Where an incident is in its life. */
public enum IncidentStatus {
  /** Failing and nobody has said they are on it. */
  OPEN,
  /** Somebody is on it. */
  ACKNOWLEDGED,
  /** Over: passing again, or closed by a person with a {@link Resolution}. */
  RESOLVED
}
