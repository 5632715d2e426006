package dev.nines.bench;

import dev.nines.spec.SourceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * An in-process DuckDB database in a temporary file, so the benchmark's connection and the Nines
 * connection pool share one database instance (a plain {@code jdbc:duckdb:} would give each
 * connection its own empty in-memory database). After loading, every connection is read-only, as
 * Nines opens database files.
 */
public final class DuckDbBench implements BenchDatabase {
  private final Path directory;
  private final String url;

  private DuckDbBench(Path directory) {
    this.directory = directory;
    this.url = "jdbc:duckdb:" + directory.resolve("bench.duckdb");
  }

  /** Creates a new database file in a fresh temporary directory. */
  public static DuckDbBench start() {
    try {
      return new DuckDbBench(Files.createTempDirectory("nines-bench-duckdb"));
    } catch (IOException e) {
      throw new UncheckedIOException("no temporary directory for DuckDB: " + e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return "duckdb";
  }

  @Override
  public SourceSpec source() {
    return new SourceSpec(
        "bench_duckdb",
        url,
        null,
        null,
        Map.of(),
        null,
        Duration.ofMinutes(30),
        0,
        ZoneId.of("UTC"),
        null);
  }

  @Override
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url);
  }

  @Override
  public Connection connectForReading() throws SQLException {
    Properties readOnly = new Properties();
    readOnly.setProperty("duckdb.read_only", "true");
    return DriverManager.getConnection(url, readOnly);
  }

  @Override
  public String series(long rows) {
    return "range(1, " + rows + " + 1) as series(i)";
  }

  @Override
  public String secondsBefore(String timestamp, String seconds) {
    return timestamp + " - to_seconds(cast(" + seconds + " as bigint))";
  }

  @Override
  public String utcNowWithoutZone() {
    return "cast(timezone('UTC', now()) as timestamp)";
  }

  @Override
  public String regexMismatch(String column, String regex) {
    return "not regexp_full_match(" + column + ", '" + regex + "')";
  }

  @Override
  public String percentile(String column, double fraction) {
    return "quantile_cont(" + column + ", " + fraction + ")";
  }

  @Override
  public void prepare(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("analyze " + table);
      statement.execute("checkpoint");
    }
  }

  @Override
  public List<String> settings(Connection connection) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      lines.add("DuckDB " + single(statement, "select version()"));
      for (String name : List.of("threads", "memory_limit")) {
        lines.add(name + " = " + single(statement, "select current_setting('" + name + "')"));
      }
    }
    return lines;
  }

  @Override
  public String planSummary(Connection connection, String sql) {
    return null; // DuckDB runs every aggregate, DISTINCT and quantile included, on all its threads
  }

  @Override
  public String cacheNote(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      String size = single(statement, "select database_size from pragma_database_size()");
      String memory = single(statement, "select memory_usage from pragma_database_size()");
      return "database file "
          + size
          + "; DuckDB's buffer pool held "
          + memory
          + " after the runs (compressed columnar blocks)";
    }
  }

  private static String single(Statement statement, String sql) throws SQLException {
    try (ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getString(1);
    }
  }

  @Override
  public void close() {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not remove " + directory, e);
    }
  }
}
