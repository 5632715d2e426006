package dev.nines.incident;

import dev.nines.NinesException;

/** No incident has the id asked for. */
public final class IncidentNotFoundException extends NinesException {
  public IncidentNotFoundException(long id) {
    super("no incident #" + id);
  }
}
