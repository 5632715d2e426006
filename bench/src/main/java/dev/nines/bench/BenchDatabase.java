package dev.nines.bench;

import dev.nines.spec.SourceSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A database the benchmark starts, fills and measures, with the few SQL spellings that differ
 * between databases.
 */
public interface BenchDatabase extends AutoCloseable {
  /** {@code postgres} or {@code duckdb}. */
  String name();

  /** The source a Nines spec uses to reach this database. */
  SourceSpec source();

  /** A connection for generating the table. */
  Connection connect() throws SQLException;

  /**
   * A connection for the scans and the naive queries, opened the way Nines opens its own (DuckDB
   * refuses two configurations of one database file in a process). Open it after loading.
   */
  Connection connectForReading() throws SQLException;

  /** The FROM item producing a column {@code i} of 1..rows. */
  String series(long rows);

  /** A timestamp expression {@code seconds} before {@code timestamp}. */
  String secondsBefore(String timestamp, String seconds);

  /** The current UTC time as a timestamp without time zone. */
  String utcNowWithoutZone();

  /** True when {@code column} does not match the whole of {@code regex}. */
  String regexMismatch(String column, String regex);

  /** The continuous percentile {@code fraction} of {@code column}, as an aggregate. */
  String percentile(String column, double fraction);

  /** Makes the freshly loaded table ready to be read as a warehouse table would be. */
  void prepare(Connection connection, String table) throws SQLException;

  /** Settings worth recording next to the numbers, one line each. */
  List<String> settings(Connection connection) throws SQLException;

  /**
   * How the database plans one query, in a few words (e.g. whether it runs in parallel), or null
   * when there is nothing worth saying.
   */
  String planSummary(Connection connection, String sql) throws SQLException;

  /** Table size and whether the table is read from memory, in one line. */
  String cacheNote(Connection connection, String table) throws SQLException;

  @Override
  void close();
}
