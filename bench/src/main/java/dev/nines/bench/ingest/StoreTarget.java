package dev.nines.bench.ingest;

import dev.nines.bench.EmbeddedPostgresServers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The database a Nines store lives in during the benchmark: an H2 file or an embedded PostgreSQL.
 */
public interface StoreTarget extends AutoCloseable {
  /** Short name for the report, {@code h2} or {@code postgres}. */
  String name();

  /** The spec's {@code store:} section. */
  String storeYaml();

  /** A plain JDBC connection to the same database, for the baseline. */
  Connection connect() throws SQLException;

  /** One line on how durable a commit is here. */
  String durability();

  @Override
  void close();

  /** An H2 file store, as {@code nines serve} uses by default. */
  static StoreTarget h2(Path folder) {
    String url = "jdbc:h2:file:" + folder.resolve("store").toAbsolutePath();
    return new StoreTarget() {
      @Override
      public String name() {
        return "h2";
      }

      @Override
      public String storeYaml() {
        return "store:\n  url: " + url + "\n";
      }

      @Override
      public Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
      }

      @Override
      public String durability() {
        return "H2 2.3 file (MVStore defaults: a commit is written to the file, not fsynced)";
      }

      @Override
      public void close() {}
    };
  }

  /** An embedded PostgreSQL with durable commits: fsync and synchronous_commit on. */
  static StoreTarget postgres() {
    Map<String, String> config = new LinkedHashMap<>();
    // zonky turns synchronous_commit off by default: the benchmark measures durable commits.
    config.put("fsync", "on");
    config.put("synchronous_commit", "on");
    config.put("full_page_writes", "on");
    config.put("shared_buffers", "256MB");
    config.put("max_connections", "50");
    config.put("timezone", "UTC");
    EmbeddedPostgres postgres = EmbeddedPostgresServers.start(config);
    String url = postgres.getJdbcUrl("postgres", "postgres");
    return new StoreTarget() {
      @Override
      public String name() {
        return "postgres";
      }

      @Override
      public String storeYaml() {
        return "store:\n  url: " + url + "\n  user: postgres\n";
      }

      @Override
      public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", null);
      }

      @Override
      public String durability() {
        return "embedded PostgreSQL (zonky), fsync=on, synchronous_commit=on, shared_buffers=256MB";
      }

      @Override
      public void close() {
        try {
          postgres.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }
}
