package dev.nines.source;

import dev.nines.dialect.Dialect;
import dev.nines.observation.ErrorCategory;
import dev.nines.spec.SourceSpec;
import java.sql.SQLException;

/** Turns JDBC errors into short, classified messages that never carry a password. */
public final class Failures {
  private static final int MAX_LENGTH = 300;

  private Failures() {}

  /** A classified failure of a statement or a connection of the source. */
  public static SourceException describe(SQLException error, Dialect dialect, SourceSpec source) {
    ErrorCategory category = dialect.classify(error);
    String prefix =
        switch (category) {
          case CONNECTION -> "cannot connect to source " + source.name() + ": ";
          case AUTHENTICATION -> "source " + source.name() + " refused the credentials: ";
          case PERMISSION -> "not allowed: ";
          default -> "";
        };
    return new SourceException(category, prefix + shortText(error, source));
  }

  /** The most telling message of an error chain, on one line, without the source's password. */
  public static String shortText(Throwable error, SourceSpec source) {
    Throwable deepest = error;
    String text = null;
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
        deepest = cause;
        if (text == null || cause instanceof SQLException) {
          text = cause.getMessage();
        }
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    if (text == null) {
      text = deepest.getClass().getSimpleName();
    }
    String line = text.strip().replaceAll("\\s*\\R\\s*", " ");
    if (source != null && source.password() != null && !source.password().isEmpty()) {
      line = line.replace(source.password(), "*****");
    }
    return line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH - 1) + "…" : line;
  }
}
