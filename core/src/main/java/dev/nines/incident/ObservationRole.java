package dev.nines.incident;

/** Why an observation belongs to an incident. */
public enum ObservationRole {
  /** A failure of the incident's own subject and cause. */
  CAUSE,
  /**
   * A downstream failure explained by the incident (a dataset of a down source, or fed by a failed
   * pipeline).
   */
  IMPACT
}
