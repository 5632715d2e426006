package dev.nines.store;

import dev.nines.NinesException;
import java.time.Duration;
import java.util.Objects;

/**
 * The store refused work without trying it because too much is already waiting to be written:
 * nothing of the refused call was stored, and the same call may be made again after {@code
 * retryAfter}.
 */
public final class StoreBusy extends NinesException {
  private final Duration retryAfter;

  public StoreBusy(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
  }

  /** How long a caller should wait before trying again. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
