package dev.nines.server.api;

/** The request is not valid: a parameter, the body or an event is wrong. */
public final class BadRequest extends ApiException {
  public BadRequest(String detail) {
    super(detail);
  }

  @Override
  public int status() {
    return 400;
  }

  @Override
  public String error() {
    return "bad_request";
  }
}
