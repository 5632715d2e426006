package dev.nines.dialect;

import dev.nines.observation.ErrorCategory;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/** Classification of JDBC errors by SQLState, shared by every dialect. */
public final class SqlErrors {
  private SqlErrors() {}

  /** The category by SQLState class and exception type, looking through the cause chain. */
  public static ErrorCategory classify(SQLException error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        Optional<ErrorCategory> byState = bySqlState(sql.getSQLState());
        if (byState.isPresent()) {
          return byState.get();
        }
      }
      Optional<ErrorCategory> byType = byType(cause);
      if (byType.isPresent()) {
        return byType.get();
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return ErrorCategory.SQL;
  }

  /** The category of a standard SQLState, empty when it says nothing specific. */
  public static Optional<ErrorCategory> bySqlState(String state) {
    if (state == null || state.length() < 2) {
      return Optional.empty();
    }
    return switch (state) {
      case "42501" -> Optional.of(ErrorCategory.PERMISSION);
      case "42P01", "42S02", "3F000", "42Y07" -> Optional.of(ErrorCategory.MISSING_TABLE);
      case "42703", "42S22" -> Optional.of(ErrorCategory.MISSING_COLUMN);
      case "57014", "HYT00", "HYT01" -> Optional.of(ErrorCategory.TIMEOUT);
      case "0A000" -> Optional.of(ErrorCategory.UNSUPPORTED);
      default ->
          switch (state.substring(0, 2)) {
            case "08" -> Optional.of(ErrorCategory.CONNECTION);
            case "28" -> Optional.of(ErrorCategory.AUTHENTICATION);
            case "42", "22", "21", "0L", "0P" -> Optional.of(ErrorCategory.SQL);
            default -> Optional.empty();
          };
    };
  }

  private static Optional<ErrorCategory> byType(Throwable error) {
    if (error instanceof SQLTimeoutException) {
      return Optional.of(ErrorCategory.TIMEOUT);
    }
    if (error instanceof SQLInvalidAuthorizationSpecException) {
      return Optional.of(ErrorCategory.AUTHENTICATION);
    }
    if (error instanceof SQLNonTransientConnectionException
        || error instanceof SQLTransientConnectionException
        || error instanceof ConnectException
        || error instanceof UnknownHostException
        || error instanceof NoRouteToHostException
        || error instanceof SocketTimeoutException) {
      return Optional.of(ErrorCategory.CONNECTION);
    }
    return Optional.empty();
  }

  /** The whole message chain in lower case, for drivers that give no SQLState. */
  public static String messages(Throwable error) {
    StringBuilder text = new StringBuilder();
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null) {
        text.append(cause.getMessage().toLowerCase(java.util.Locale.ROOT)).append('\n');
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return text.toString();
  }
}
