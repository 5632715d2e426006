package dev.nines.dialect;

import dev.nines.NinesException;

/** The database cannot do what a check asks of it. */
public class UnsupportedFeatureException extends NinesException {
  public UnsupportedFeatureException(String message) {
    super(message);
  }
}
