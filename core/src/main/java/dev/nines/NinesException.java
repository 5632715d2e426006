package dev.nines;

/**
 * Root of every error Nines reports to a user; the message is written for a person, never a stack
 * trace.
 */
public class NinesException extends RuntimeException {
  public NinesException(String message) {
    super(message);
  }

  public NinesException(String message, Throwable cause) {
    super(message, cause);
  }
}
