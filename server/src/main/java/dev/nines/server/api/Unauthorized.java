package dev.nines.server.api;

/** The API key is missing or wrong. */
public final class Unauthorized extends ApiException {
  public Unauthorized(String detail) {
    super(detail);
  }

  @Override
  public int status() {
    return 401;
  }

  @Override
  public String error() {
    return "unauthorized";
  }
}
