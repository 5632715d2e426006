package dev.nines.server.api;

/** What the request names does not exist. */
public final class NotFound extends ApiException {
  public NotFound(String detail) {
    super(detail);
  }

  @Override
  public int status() {
    return 404;
  }

  @Override
  public String error() {
    return "not_found";
  }
}
