package dev.nines.slo.interop;

import java.util.Objects;

/**
 * Something an import could not carry over as it was: an error stops the item it is about, an
 * unsupported field is left out and said so, a renamed item is imported under a free name; never
 * silently.
 *
 * @param level how serious
 * @param path where in the source documents, e.g. {@code document 2 (SLO orders-fresh):
 *     spec.objectives[0].timeSliceTarget}
 * @param message what happened, for a person
 */
public record ImportIssue(Level level, String path, String message) {
  /** How serious an issue is. */
  public enum Level {
    /** The item it is about was not imported. */
    ERROR,
    /** The field was left out; the item was imported without it. */
    UNSUPPORTED,
    /** The item was imported under another name: its own was taken. */
    RENAMED
  }

  public ImportIssue {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return level.name().toLowerCase(java.util.Locale.ROOT) + ": " + path + ": " + message;
  }
}
