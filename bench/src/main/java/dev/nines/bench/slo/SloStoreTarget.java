package dev.nines.bench.slo;

import dev.nines.bench.EmbeddedPostgresServers;
import dev.nines.spec.StoreSpec;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The database the SLO benchmark's store lives in: a fresh H2 file or a fresh database on one
 * embedded PostgreSQL server for each size, and how that database generates a range of numbers for
 * seeding inside it.
 */
interface SloStoreTarget extends AutoCloseable {
  /** Short name for the report, {@code h2} or {@code postgres}. */
  String name();

  /** One line on the database and its settings, for the report. */
  String describe();

  /** A new, empty store for one size of the benchmark. */
  StoreSpec freshStore() throws IOException, SQLException;

  /** A table expression of the integers {@code from..to} in one column named {@code x}. */
  String range(long from, long to);

  /** What the database should do after the seed, as its background maintenance would. */
  default void afterSeed(Connection connection) throws SQLException {}

  /**
   * Why reading the buckets costs what it costs here, for the report: the plan of one SLO's read
   * and how the bucket rows lie in the table; empty where the database cannot say.
   */
  default List<String> diagnose(Connection connection) throws SQLException {
    return List.of();
  }

  @Override
  void close();

  static SloStoreTarget of(String name) {
    return switch (name) {
      case "h2" -> new H2();
      case "postgres" -> Postgres.start();
      default -> throw new IllegalArgumentException("unknown database " + name);
    };
  }

  /** An H2 file store, as {@code nines serve} uses by default. */
  final class H2 implements SloStoreTarget {
    @Override
    public String name() {
      return "h2";
    }

    @Override
    public String describe() {
      return "H2 2.3 file store (MVStore defaults)";
    }

    @Override
    public StoreSpec freshStore() throws IOException {
      Path folder = Files.createTempDirectory("nines-slo-bench");
      return new StoreSpec("jdbc:h2:file:" + folder.resolve("store").toAbsolutePath(), null, null);
    }

    @Override
    public String range(long from, long to) {
      return "(SELECT X AS x FROM SYSTEM_RANGE(" + from + ", " + to + "))";
    }

    @Override
    public void close() {}
  }

  /** One embedded PostgreSQL server; each size gets its own database on it, dropped after. */
  final class Postgres implements SloStoreTarget {
    private static final Map<String, String> CONFIG = config();

    private final EmbeddedPostgres server;
    private int databases;

    private Postgres(EmbeddedPostgres server) {
      this.server = server;
    }

    static Postgres start() {
      return new Postgres(EmbeddedPostgresServers.start(CONFIG));
    }

    /** Durable commits as in production (zonky turns them off by default), room for the buckets. */
    private static Map<String, String> config() {
      Map<String, String> config = new LinkedHashMap<>();
      config.put("fsync", "on");
      config.put("synchronous_commit", "on");
      config.put("full_page_writes", "on");
      config.put("shared_buffers", "1GB");
      config.put("max_wal_size", "4GB");
      config.put("timezone", "UTC");
      return Map.copyOf(config);
    }

    @Override
    public String name() {
      return "postgres";
    }

    @Override
    public String describe() {
      return "embedded PostgreSQL (zonky) "
          + version()
          + ", fsync=on, synchronous_commit=on, shared_buffers=1GB, max_wal_size=4GB, autovacuum on";
    }

    private String version() {
      try (Connection connection = server.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery("SHOW server_version")) {
        result.next();
        return result.getString(1);
      } catch (SQLException e) {
        return "?";
      }
    }

    @Override
    public StoreSpec freshStore() throws SQLException {
      String name = "slo_bench_" + ++databases;
      try (Connection connection = server.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        if (databases > 1) {
          // the previous size's 12 million rows would only take room
          statement.execute("DROP DATABASE IF EXISTS slo_bench_" + (databases - 1));
        }
        statement.execute("CREATE DATABASE " + name);
      }
      return new StoreSpec(server.getJdbcUrl("postgres", name), "postgres", null);
    }

    @Override
    public String range(long from, long to) {
      return "(SELECT g AS x FROM generate_series(" + from + "::bigint, " + to + "::bigint) g)";
    }

    @Override
    public void afterSeed(Connection connection) throws SQLException {
      try (Statement statement = connection.createStatement()) {
        // what autovacuum does to a freshly filled table soon after: statistics, visibility map
        statement.execute("VACUUM ANALYZE slo_bucket");
        statement.execute("VACUUM ANALYZE slo_aggregate");
      }
    }

    @Override
    public List<String> diagnose(Connection connection) throws SQLException {
      List<String> lines = new ArrayList<>();
      try (Statement statement = connection.createStatement()) {
        try (ResultSet plan =
            statement.executeQuery(
                "EXPLAIN (ANALYZE, BUFFERS) SELECT slo_name, width_seconds, bucket_number, good,"
                    + " bad, no_data FROM slo_bucket WHERE slo_name = 'slo_1'"
                    + " ORDER BY width_seconds, bucket_number")) {
          while (plan.next()) {
            lines.add("one SLO's buckets, read alone: " + plan.getString(1).trim());
          }
        }
        try (ResultSet layout =
            statement.executeQuery(
                "SELECT attname, correlation FROM pg_stats WHERE tablename = 'slo_bucket'"
                    + " AND attname IN ('slo_name', 'bucket_number') ORDER BY attname")) {
          while (layout.next()) {
            lines.add(
                "slo_bucket heap order, correlation of "
                    + layout.getString(1)
                    + " with it: "
                    + layout.getString(2));
          }
        }
        try (ResultSet size =
            statement.executeQuery(
                "SELECT pg_size_pretty(pg_table_size('slo_bucket')),"
                    + " pg_size_pretty(pg_indexes_size('slo_bucket'))")) {
          size.next();
          lines.add("slo_bucket: table " + size.getString(1) + ", indexes " + size.getString(2));
        }
      }
      return lines;
    }

    @Override
    public void close() {
      try {
        server.close();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
      }
    }
  }
}
