package dev.nines.report;

import dev.nines.dialect.Dialect;
import dev.nines.dialect.Dialects;
import dev.nines.source.SourcePool;
import dev.nines.spec.SourceSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Whether a table is read, from the database's own counters: PostgreSQL's {@code
 * pg_stat_user_tables} (sequential plus index scans since the statistics were last reset) and the
 * table's size. Other databases do not say, and the report says so.
 */
public final class TableUsage {
  private static final String POSTGRES_SCANS =
      """
      select seq_scan + coalesce(idx_scan, 0), pg_total_relation_size(relid)
      from pg_stat_user_tables where schemaname = ? and relname = ?""";

  private TableUsage() {}

  /**
   * The value of {@code table} ({@code schema.table} or a bare name, in {@code public}) on {@code
   * source}; never throws: a failure is told in the note.
   */
  public static DatasetReport.Value of(SourceSpec source, String table) {
    if (table == null) {
      return new DatasetReport.Value(null, null, "a query or file dataset has no table counters");
    }
    Optional<Dialect> dialect = Dialects.builtIn().forUrl(source.url());
    if (dialect.isEmpty() || !dialect.get().name().equalsIgnoreCase("postgresql")) {
      return new DatasetReport.Value(
          null, null, "only PostgreSQL counts table scans; source " + source.name() + " does not");
    }
    int dot = table.lastIndexOf('.');
    String schema = dot < 0 ? "public" : unquote(table.substring(0, dot));
    String name = unquote(table.substring(dot + 1));
    try (SourcePool pool = new SourcePool(source, dialect.get());
        Connection connection = pool.connect();
        PreparedStatement statement = connection.prepareStatement(POSTGRES_SCANS)) {
      statement.setString(1, schema);
      statement.setString(2, name);
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          return new DatasetReport.Value(
              null, null, "pg_stat_user_tables has no row for " + schema + "." + name);
        }
        long scans = row.getLong(1);
        long bytes = row.getLong(2);
        return new DatasetReport.Value(
            scans,
            bytes,
            scans == 0
                ? "unused: no scan since the statistics were reset (pg_stat_user_tables)"
                : "scans since the statistics were reset (pg_stat_user_tables)");
      }
    } catch (SQLException | RuntimeException e) {
      return new DatasetReport.Value(
          null, null, "could not read pg_stat_user_tables: " + firstLine(e.getMessage()));
    }
  }

  private static String unquote(String part) {
    return part.strip().replace("\"", "");
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "no reason given";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
