package dev.nines.server.api;

import dev.nines.NinesException;

/**
 * The root of what an API call can fail with (a {@link NinesException}, so the CLI prints it as a
 * plain message too); {@link ErrorMapper} turns each into its status and a JSON {@code {error,
 * detail}}, in one place.
 */
public abstract class ApiException extends NinesException {
  protected ApiException(String detail) {
    super(detail);
  }

  /** The HTTP status. */
  public abstract int status();

  /** A short, stable code a program can branch on, e.g. {@code not_found}. */
  public abstract String error();
}
