package dev.nines.bench;

import dev.nines.spec.SourceSpec;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An embedded PostgreSQL (io.zonky.test) tuned for an analytical scan on a small machine. */
public final class PostgresBench implements BenchDatabase {
  private static final String USER = "postgres";
  private static final Pattern BUFFERS = Pattern.compile("shared(?: hit=(\\d+))?(?: read=(\\d+))?");

  /**
   * Server settings for 2 cores: parallel scans with 2 workers, memory for the sorts and hashes of
   * percentile, distinct counts and duplicate keys, and no durability cost for throwaway data.
   */
  static final Map<String, String> SERVER_CONFIG = serverConfig();

  private final EmbeddedPostgres postgres;

  private PostgresBench(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Starts a new server in a fresh temporary data directory. */
  public static PostgresBench start() {
    return new PostgresBench(EmbeddedPostgresServers.start(SERVER_CONFIG));
  }

  private static Map<String, String> serverConfig() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("shared_buffers", "1GB");
    config.put("effective_cache_size", "4GB");
    config.put("work_mem", "256MB");
    config.put("maintenance_work_mem", "256MB");
    config.put("max_worker_processes", "4");
    config.put("max_parallel_workers", "2");
    config.put("max_parallel_workers_per_gather", "2");
    config.put("wal_level", "minimal");
    config.put("max_wal_senders", "0");
    config.put("max_wal_size", "4GB");
    config.put("fsync", "off");
    config.put("synchronous_commit", "off");
    config.put("full_page_writes", "off");
    config.put("timezone", "UTC");
    return Map.copyOf(config);
  }

  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public SourceSpec source() {
    return new SourceSpec(
        "bench_postgres",
        postgres.getJdbcUrl(USER, "postgres"),
        USER,
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
    return postgres.getPostgresDatabase().getConnection();
  }

  @Override
  public Connection connectForReading() throws SQLException {
    return connect();
  }

  @Override
  public String series(long rows) {
    return "generate_series(1::bigint, " + rows + "::bigint) as series(i)";
  }

  @Override
  public String secondsBefore(String timestamp, String seconds) {
    return timestamp + " - (" + seconds + ") * interval '1 second'";
  }

  @Override
  public String utcNowWithoutZone() {
    return "(now() at time zone 'UTC')";
  }

  @Override
  public String regexMismatch(String column, String regex) {
    return column + " !~ '" + regex + "'";
  }

  @Override
  public String percentile(String column, double fraction) {
    return "percentile_cont(" + fraction + ") within group (order by " + column + ")";
  }

  @Override
  public void prepare(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      // Sets hint bits and the visibility map, as on a settled warehouse table, and gathers stats.
      statement.execute("vacuum analyze " + table);
    }
  }

  @Override
  public List<String> settings(Connection connection) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      lines.add("PostgreSQL " + single(statement, "show server_version"));
      for (String name :
          List.of(
              "shared_buffers",
              "work_mem",
              "effective_cache_size",
              "max_parallel_workers_per_gather",
              "max_parallel_workers",
              "jit")) {
        lines.add(name + " = " + single(statement, "show " + name));
      }
    }
    return lines;
  }

  @Override
  public String planSummary(Connection connection, String sql) throws SQLException {
    List<String> plan = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("explain " + sql)) {
      while (result.next()) {
        plan.add(result.getString(1).trim());
      }
    }
    String top = plan.isEmpty() ? "?" : plan.get(0).replaceAll("\\s*\\(cost=.*", "");
    return plan.stream()
        .filter(line -> line.startsWith("Workers Planned"))
        .findFirst()
        .map(workers -> "parallel (" + workers + "), top node " + top)
        .orElse("one process, no parallel workers, top node " + top);
  }

  @Override
  public String cacheNote(Connection connection, String table) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      String size = single(statement, "select pg_size_pretty(pg_table_size('" + table + "'))");
      long hit = 0;
      long read = 0;
      try (ResultSet plan =
          statement.executeQuery("explain (analyze, buffers) select count(*) from " + table)) {
        while (plan.next()) {
          String line = plan.getString(1);
          int at = line.indexOf("Buffers: shared");
          if (at >= 0 && line.trim().startsWith("Buffers")) {
            Matcher matcher = BUFFERS.matcher(line.substring(at + "Buffers: ".length()));
            if (matcher.find()) {
              hit = Math.max(hit, parse(matcher.group(1)));
              read = Math.max(read, parse(matcher.group(2)));
            }
          }
        }
      }
      long total = hit + read;
      String percent = total == 0 ? "?" : String.format("%.0f%%", 100.0 * hit / total);
      return "table "
          + size
          + "; a count(*) found "
          + percent
          + " of its pages in shared_buffers (the rest came through the OS page cache or disk)";
    }
  }

  private static long parse(String digits) {
    return digits == null ? 0 : Long.parseLong(digits);
  }

  private static String single(Statement statement, String sql) throws SQLException {
    try (ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getString(1);
    }
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
    }
  }
}
