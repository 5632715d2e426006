package dev.nines.dialect;

import dev.nines.observation.ErrorCategory;
import dev.nines.spec.SourceSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** MySQL and MariaDB. */
public final class MySqlDialect implements Dialect {
  /** ER_TABLEACCESS_DENIED_ERROR: a SELECT on a table the user has no grant for. */
  private static final int ACCESS_DENIED_TO_TABLE = 1142;

  @Override
  public String name() {
    return "mysql";
  }

  @Override
  public boolean handles(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:mysql:") || jdbcUrl.startsWith("jdbc:mariadb:");
  }

  @Override
  public String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }

  @Override
  public String literal(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
  }

  @Override
  public String castToText(String expression) {
    return "CAST(" + expression + " AS CHAR)";
  }

  @Override
  public String regexMatches(String text, String pattern) {
    // BINARY makes the match case-sensitive, as on the other databases.
    return "(" + text + " REGEXP BINARY " + pattern + ")";
  }

  @Override
  public String countWhere(String condition) {
    // No FILTER clause in MySQL or MariaDB.
    return "SUM(CASE WHEN " + condition + " THEN 1 ELSE 0 END)";
  }

  @Override
  public String length(String text) {
    return "CHAR_LENGTH(" + text + ")";
  }

  @Override
  public Optional<String> percentile(String expression, double fraction) {
    // MariaDB has PERCENTILE_CONT only as a window function, MySQL not at all.
    return Optional.empty();
  }

  @Override
  public String castToDouble(String expression) {
    return "(" + expression + " + 0E0)";
  }

  @Override
  public Optional<String> lastModifiedQuery(Relation.Table table) {
    String schema = table.schema() == null ? "DATABASE()" : literal(table.schema());
    return Optional.of(
        "SELECT UPDATE_TIME FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
            + schema
            + " AND TABLE_NAME = "
            + literal(table.name()));
  }

  @Override
  public TableStatistic tableSize(Connection connection, Relation.Table table) throws SQLException {
    // InnoDB's figures are estimates refreshed by ANALYZE TABLE or its background statistics.
    return CatalogNumbers.first(
            connection,
            "SELECT DATA_LENGTH + INDEX_LENGTH FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?",
            table.schema(),
            table.name())
        .map(
            bytes ->
                TableStatistic.known(
                    bytes, "information_schema.TABLES data_length + index_length (estimated)"))
        .orElse(TableStatistic.unknown("not known on mysql: information_schema has no " + table));
  }

  @Override
  public TableStatistic tableReads(Connection connection, Relation.Table table)
      throws SQLException {
    boolean on = CatalogNumbers.first(connection, "SELECT @@performance_schema").orElse(0L) == 1L;
    if (!on) {
      return TableStatistic.unknown(
          "not known on mysql: performance_schema is off, so no table reads are counted");
    }
    try {
      return CatalogNumbers.first(
              connection,
              "SELECT COUNT_READ FROM performance_schema.table_io_waits_summary_by_table"
                  + " WHERE OBJECT_TYPE = 'TABLE' AND OBJECT_SCHEMA = COALESCE(?, DATABASE())"
                  + " AND OBJECT_NAME = ?",
              table.schema(),
              table.name())
          .map(
              reads ->
                  TableStatistic.known(
                      reads,
                      "rows read since the server started or the counters were truncated"
                          + " (performance_schema.table_io_waits_summary_by_table)"))
          .orElse(
              TableStatistic.unknown(
                  "not known on mysql: performance_schema has no counters for " + table));
    } catch (SQLException e) {
      if (e.getErrorCode() != ACCESS_DENIED_TO_TABLE) {
        throw e;
      }
      return TableStatistic.unknown(
          "not known on mysql: the source's user may not read performance_schema"
              + " (GRANT SELECT ON performance_schema.table_io_waits_summary_by_table)");
    }
  }

  @Override
  public boolean schemaIsCatalog() {
    return true;
  }

  @Override
  public Map<String, String> connectProperties(SourceSpec source) {
    return Map.of("connectTimeout", Long.toString(Math.max(1, source.connectTimeout().toMillis())));
  }

  @Override
  public void prepare(Connection connection, SourceSpec source) throws SQLException {
    // The driver treats setReadOnly as a hint; the session setting makes writes fail.
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET SESSION TRANSACTION READ ONLY");
      // TIMESTAMP values come back in the session's zone, which is read as the source's.
      try {
        statement.execute("SET time_zone = " + literal(source.timezone().getId()));
      } catch (SQLException zoneTablesNotLoaded) {
        statement.execute("SET time_zone = " + literal(currentOffset(source.timezone())));
      }
    }
  }

  /** {@code +02:00}: the offset the zone has now, for servers without time zone tables. */
  private static String currentOffset(ZoneId zone) {
    int seconds = zone.getRules().getOffset(Instant.now()).getTotalSeconds();
    int minutes = Math.abs(seconds) / 60;
    return String.format(
        Locale.ROOT, "%s%02d:%02d", seconds < 0 ? "-" : "+", minutes / 60, minutes % 60);
  }

  @Override
  public ErrorCategory classify(SQLException error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        switch (sql.getErrorCode()) {
          case 1045, 1698 -> {
            return ErrorCategory.AUTHENTICATION;
          }
          case 1044, 1142, 1143, 1227, 1792 -> {
            return ErrorCategory.PERMISSION;
          }
          case 1146, 1049 -> {
            return ErrorCategory.MISSING_TABLE;
          }
          case 1054 -> {
            return ErrorCategory.MISSING_COLUMN;
          }
          case 1317, 1969, 3024 -> {
            return ErrorCategory.TIMEOUT;
          }
          case 2002, 2003, 2006, 2013 -> {
            return ErrorCategory.CONNECTION;
          }
          default -> {}
        }
        if ("70100".equals(sql.getSQLState())) {
          return ErrorCategory.TIMEOUT;
        }
      }
    }
    return SqlErrors.classify(error);
  }
}
