package dev.nines.dialect;

import dev.nines.observation.ErrorCategory;
import dev.nines.spec.SourceSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** H2, in memory or in a file. */
public final class H2Dialect implements Dialect {
  @Override
  public String name() {
    return "h2";
  }

  @Override
  public boolean handles(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:h2:");
  }

  @Override
  public String regexMatches(String text, String pattern) {
    return "REGEXP_LIKE(" + text + ", " + pattern + ")";
  }

  @Override
  public String castToText(String expression) {
    return "CAST(" + expression + " AS VARCHAR)";
  }

  @Override
  public TableStatistic tableSize(Connection connection, Relation.Table table) throws SQLException {
    if (connection.getMetaData().getURL().startsWith("jdbc:h2:mem:")) {
      // DISK_SPACE_USED answers 0 there, which would read as an empty table.
      return TableStatistic.unknown("not known on h2: an in-memory database has no disk size");
    }
    return CatalogNumbers.first(connection, "SELECT DISK_SPACE_USED(?)", quote(table.parts()))
        .map(bytes -> TableStatistic.known(bytes, "DISK_SPACE_USED: table and indexes"))
        .orElse(TableStatistic.unknown("not known on h2: DISK_SPACE_USED gave no answer"));
  }

  @Override
  public void prepare(Connection connection, SourceSpec source) throws SQLException {
    // Zone-less literals compared with TIMESTAMP WITH TIME ZONE columns are read in this zone.
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET TIME ZONE " + literal(source.timezone().getId()));
    }
  }

  @Override
  public ErrorCategory classify(SQLException error) {
    // H2 reports its own five-digit codes as SQLState.
    switch (error.getErrorCode()) {
      case 42102, 42103, 42104, 90079 -> {
        return ErrorCategory.MISSING_TABLE;
      }
      case 42122 -> {
        return ErrorCategory.MISSING_COLUMN;
      }
      case 57014 -> {
        return ErrorCategory.TIMEOUT;
      }
      case 28000 -> {
        return ErrorCategory.AUTHENTICATION;
      }
      case 90096 -> {
        return ErrorCategory.PERMISSION;
      }
      case 90067, 90098, 90020, 90046, 90013 -> {
        return ErrorCategory.CONNECTION;
      }
      case 90022, 90136 -> {
        return ErrorCategory.UNSUPPORTED;
      }
      default -> {
        return SqlErrors.classify(error);
      }
    }
  }
}
