package dev.nines.server.api;

/**
 * The root of what an API call can fail with; {@link ErrorMapper} turns each into its status and a
 * JSON {@code {error, detail}}, in one place.
 */
public abstract class ApiException extends RuntimeException {
  protected ApiException(String detail) {
    super(detail, null, false, false);
  }

  /** The HTTP status. */
  public abstract int status();

  /** A short, stable code a program can branch on, e.g. {@code not_found}. */
  public abstract String error();
}
