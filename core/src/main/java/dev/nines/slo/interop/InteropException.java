package dev.nines.slo.interop;

/** A document that cannot be read at all: not YAML, or not the standard it claims to be. */
public final class InteropException extends RuntimeException {
  public InteropException(String message) {
    super(message);
  }
}
