package dev.nines.server.api;

/** The server cannot answer now: shutting down, or its store is not ready. */
public final class ServiceUnavailable extends ApiException {
  public ServiceUnavailable(String detail) {
    super(detail);
  }

  @Override
  public int status() {
    return 503;
  }

  @Override
  public String error() {
    return "unavailable";
  }
}
