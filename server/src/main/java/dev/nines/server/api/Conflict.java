package dev.nines.server.api;

/** The request is understood but cannot be done in the current state, e.g. nothing to run. */
public final class Conflict extends ApiException {
  public Conflict(String detail) {
    super(detail);
  }

  @Override
  public int status() {
    return 409;
  }

  @Override
  public String error() {
    return "conflict";
  }
}
