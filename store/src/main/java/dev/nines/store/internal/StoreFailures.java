package dev.nines.store.internal;

import dev.nines.NinesException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/** Turns database exceptions into messages a person can act on, without a stack trace. */
public final class StoreFailures {
  private StoreFailures() {}

  /** The store could not be opened: unreachable, refused, missing, locked or not migratable. */
  public static NinesException cannotOpen(StoreUrl url, Throwable failure) {
    String reason = reason(failure);
    String hint = hint(url, failure);
    return new NinesException(
        "Cannot open the Nines store at "
            + url.redacted()
            + ": "
            + reason
            + (hint.isEmpty() ? "" : " (" + hint + ")"),
        failure);
  }

  /** A read or write on an open store failed. */
  public static NinesException failed(StoreUrl url, String action, Throwable failure) {
    return new NinesException(
        "The Nines store at " + url.redacted() + " could not " + action + ": " + reason(failure),
        failure);
  }

  /**
   * The most telling message in a chain of exceptions: the deepest database error, with a batch's
   * first failing entry rather than its summary, on one line.
   */
  public static String reason(Throwable failure) {
    SQLException deepest = null;
    Throwable root = failure;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        deepest = sql.getNextException() != null ? sql.getNextException() : sql;
      }
      root = cause;
    }
    if (deepest == null) {
      return firstLine(root.getMessage() == null ? root.toString() : root.getMessage());
    }
    String reason = firstLine(deepest.getMessage() == null ? "" : deepest.getMessage());
    // PostgreSQL says only "The connection attempt failed." for these: name what failed.
    if (root instanceof UnknownHostException) {
      return withoutFullStop(reason) + ": unknown host " + root.getMessage();
    } else if (root instanceof SocketTimeoutException) {
      return withoutFullStop(reason) + ": timed out";
    }
    return reason;
  }

  private static String hint(StoreUrl url, Throwable failure) {
    String state = sqlState(failure);
    if (state == null) {
      return "";
    }
    if (state.startsWith("08")) {
      return "is the database running, and are host and port right?";
    }
    if (state.startsWith("28")) {
      return "check store.user and store.password";
    }
    if (state.equals("3D000")) {
      return "create the database first, e.g. CREATE DATABASE nines";
    }
    if (url.engine() == StoreUrl.Engine.H2 && state.equals("90020")) {
      return "another program holds the file: add ;AUTO_SERVER=TRUE to store.url to share it";
    }
    return "";
  }

  private static String sqlState(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }

  private static String firstLine(String message) {
    String line = message.strip();
    int newline = line.indexOf('\n');
    line = newline >= 0 ? line.substring(0, newline).strip() : line;
    // H2 appends "; SQL statement:" and an error code; PostgreSQL prefixes a severity.
    int statement = line.indexOf("; SQL statement:");
    line = statement >= 0 ? line.substring(0, statement) : line;
    line = line.replaceFirst("\\s*\\[\\d+-\\d+]$", "");
    return line.replaceFirst("^(ERROR|FATAL): ", "");
  }

  private static String withoutFullStop(String text) {
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }
}
