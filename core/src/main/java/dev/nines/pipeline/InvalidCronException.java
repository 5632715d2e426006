package dev.nines.pipeline;

/** A cron expression that cannot be read; the message names the cron field at fault. */
public final class InvalidCronException extends IllegalArgumentException {
  private final String cronField;

  public InvalidCronException(String cronField, String message) {
    super(message);
    this.cronField = cronField;
  }

  /** The cron field at fault ({@code minute}, {@code hour}, ...), or null for the whole text. */
  public String cronField() {
    return cronField;
  }
}
