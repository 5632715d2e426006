package dev.nines.dialect;

import dev.nines.observation.ErrorCategory;
import dev.nines.spec.SourceSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;

/** SQLite files. Timestamps are usually stored as ISO text, so time literals are text too. */
public final class SqliteDialect implements Dialect {
  private static final String OPEN_READ_ONLY = "1";

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public boolean handles(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:sqlite:");
  }

  @Override
  public String timestampLiteral(LocalDateTime value) {
    return literal(TIMESTAMP_TEXT.format(value));
  }

  @Override
  public String dateLiteral(LocalDate value) {
    return literal(value.toString());
  }

  @Override
  public Optional<String> uniqueKeysQuery(Relation.Table table) {
    String name = literal(table.name());
    String schema = table.schema() == null ? "" : ", " + literal(table.schema());
    // index_list names a rowid primary key nowhere, table_info does; expression columns of an
    // index have no name, so such an index never matches plain columns.
    return Optional.of(
        "SELECT 'primary key', name FROM pragma_table_info("
            + name
            + schema
            + ") WHERE pk > 0 UNION ALL SELECT CASE il.origin WHEN 'pk' THEN 'primary key'"
            + " ELSE 'unique index ' || il.name END, ii.name FROM pragma_index_list("
            + name
            + schema
            + ") il JOIN pragma_index_info(il.name) ii WHERE il.\"unique\" = 1 AND il.partial = 0");
  }

  @Override
  public String castToText(String expression) {
    return "CAST(" + expression + " AS TEXT)";
  }

  @Override
  public String regexMatches(String text, String pattern) {
    // REGEXP is the function registered by prepare().
    return "(" + text + " REGEXP " + pattern + ")";
  }

  @Override
  public Optional<String> percentile(String expression, double fraction) {
    return Optional.empty();
  }

  @Override
  public Optional<String> stddev(String expression) {
    return Optional.empty();
  }

  @Override
  public String castToDouble(String expression) {
    return "CAST(" + expression + " AS REAL)";
  }

  @Override
  public boolean readOnlyAfterConnect() {
    return false;
  }

  @Override
  public Map<String, String> connectProperties(SourceSpec source) {
    return Map.of("open_mode", OPEN_READ_ONLY);
  }

  @Override
  public void prepare(Connection connection, SourceSpec source) throws SQLException {
    SqliteRegexp.register(connection);
  }

  @Override
  public TableStatistic tableSize(Connection connection, Relation.Table table) throws SQLException {
    String schema = table.schema() == null ? "main" : table.schema();
    try {
      return CatalogNumbers.first(
              connection,
              "SELECT SUM(pgsize) FROM dbstat(?) WHERE name = ? OR name IN (SELECT name FROM "
                  + quote(schema)
                  + ".sqlite_master WHERE type = 'index' AND tbl_name = ?)",
              schema,
              table.name(),
              table.name())
          .map(bytes -> TableStatistic.known(bytes, "dbstat: pages of the table and its indexes"))
          .orElse(TableStatistic.unknown("not known on sqlite: dbstat has no pages of " + table));
    } catch (SQLException noDbstat) {
      // dbstat is a compile-time option; without it only the whole file's size is known.
      long fileBytes =
          CatalogNumbers.first(
                  connection,
                  "SELECT page_count * page_size FROM "
                      + quote(schema)
                      + ".pragma_page_count(), "
                      + quote(schema)
                      + ".pragma_page_size()")
              .orElse(0L);
      return TableStatistic.known(
          fileBytes,
          "the whole database file, page_count × page_size: this SQLite has no dbstat table");
    }
  }

  @Override
  public ErrorCategory classify(SQLException error) {
    String text = SqlErrors.messages(error);
    if (text.contains("no such table")) {
      return ErrorCategory.MISSING_TABLE;
    }
    if (text.contains("no such column")) {
      return ErrorCategory.MISSING_COLUMN;
    }
    if (text.contains("interrupted")) {
      return ErrorCategory.TIMEOUT;
    }
    return switch (error.getErrorCode()) {
      case 3 -> ErrorCategory.PERMISSION;
      case 23 -> ErrorCategory.AUTHENTICATION;
      case 9 -> ErrorCategory.TIMEOUT;
      case 14, 26 -> ErrorCategory.CONNECTION;
      default -> SqlErrors.classify(error);
    };
  }
}
