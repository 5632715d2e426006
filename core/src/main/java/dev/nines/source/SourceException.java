package dev.nines.source;

import dev.nines.NinesException;
import dev.nines.observation.ErrorCategory;

/** A database problem, already classified and described in a short line fit for a person. */
public class SourceException extends NinesException {
  private final ErrorCategory category;

  public SourceException(ErrorCategory category, String message) {
    super(message);
    this.category = category;
  }

  public ErrorCategory category() {
    return category;
  }
}
