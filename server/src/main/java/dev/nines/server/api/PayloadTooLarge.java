package dev.nines.server.api;

/** The body is larger than the server accepts. */
public final class PayloadTooLarge extends ApiException {
  public PayloadTooLarge(String detail) {
    super(detail);
  }

  @Override
  public int status() {
    return 413;
  }

  @Override
  public String error() {
    return "payload_too_large";
  }
}
