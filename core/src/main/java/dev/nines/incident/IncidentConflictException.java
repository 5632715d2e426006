package dev.nines.incident;

import dev.nines.NinesException;

/** A change that does not fit the incident's state, e.g. acknowledging a resolved incident. */
public final class IncidentConflictException extends NinesException {
  public IncidentConflictException(String message) {
    super(message);
  }
}
