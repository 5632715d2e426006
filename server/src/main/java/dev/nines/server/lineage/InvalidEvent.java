package dev.nines.server.lineage;

/** An event that is not valid OpenLineage; the message says what is wrong and where. */
public final class InvalidEvent extends RuntimeException {
  public InvalidEvent(String message) {
    super(message, null, false, false);
  }
}
