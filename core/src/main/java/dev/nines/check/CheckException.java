package dev.nines.check;

import dev.nines.NinesException;
import dev.nines.observation.ErrorCategory;

/** A check cannot run; becomes an ERROR observation of the given category. */
public class CheckException extends NinesException {
  private final ErrorCategory category;

  public CheckException(ErrorCategory category, String message) {
    super(message);
    this.category = category;
  }

  public ErrorCategory category() {
    return category;
  }
}
