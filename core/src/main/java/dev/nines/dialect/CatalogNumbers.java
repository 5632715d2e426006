package dev.nines.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Runs a catalog query that answers with one number, for the dialects' table statistics. */
final class CatalogNumbers {
  private CatalogNumbers() {}

  /** The first column of the first row; empty when there is no row or it is NULL. */
  static Optional<Long> first(Connection connection, String sql, String... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        long value = row.getLong(1);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
      }
    }
  }
}
