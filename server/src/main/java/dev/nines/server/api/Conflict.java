package dev.nines.server.api;

/** The request does not fit the current state, e.g. acknowledging a resolved incident. */
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
