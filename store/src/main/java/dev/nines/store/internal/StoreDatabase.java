package dev.nines.store.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.nines.NinesException;
import dev.nines.spec.StoreSpec;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Opens the store's database: makes the folder of an H2 file, checks the database answers, starts a
 * small connection pool and brings the tables up to date with Flyway.
 */
public final class StoreDatabase {
  /** How long to wait for the store's database to accept a connection. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Flyway's bookkeeping table, named for Nines so a shared PostgreSQL database stays clear. */
  public static final String HISTORY_TABLE = "nines_schema_history";

  /** Threads that write lineage events, each holding a connection while it commits. */
  public static final int WRITER_LANES = 4;

  // Room for every writer lane plus readers (API, pipeline watcher, scheduled checks).
  private static final int POOL_SIZE = WRITER_LANES + 4;

  private StoreDatabase() {}

  /**
   * A pool on the migrated store database.
   *
   * @throws NinesException with a message for a person when the url is unsupported, the database
   *     unreachable or the migrations fail
   */
  public static HikariDataSource open(StoreUrl url, StoreSpec spec) {
    createFolder(url);
    probe(url, spec);
    HikariDataSource pool = pool(url, spec);
    try {
      migrate(pool);
      return pool;
    } catch (FlywayException e) {
      pool.close();
      throw StoreFailures.cannotOpen(url, e);
    }
  }

  private static void createFolder(StoreUrl url) {
    url.h2Folder()
        .ifPresent(
            folder -> {
              try {
                Files.createDirectories(folder);
              } catch (IOException e) {
                throw new NinesException(
                    "Cannot create the folder " + folder + " for the Nines store: " + why(e), e);
              }
            });
  }

  private static String why(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file of that name is in the way";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** One plain connection first, so an unreachable database gives one clear error and no pool. */
  private static void probe(StoreUrl url, StoreSpec spec) {
    Driver driver;
    try {
      driver = DriverManager.getDriver(url.url());
    } catch (SQLException e) {
      throw new NinesException("No JDBC driver for store.url " + url.redacted(), e);
    }
    try (Connection connection = driver.connect(url.url(), connectionProperties(url, spec))) {
      if (connection == null) {
        throw new NinesException("No JDBC driver for store.url " + url.redacted());
      }
    } catch (SQLException e) {
      throw StoreFailures.cannotOpen(url, e);
    }
  }

  private static HikariDataSource pool(StoreUrl url, StoreSpec spec) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("nines-store");
    config.setJdbcUrl(url.url());
    // Credentials through the setters, which Hikari masks when it logs its configuration.
    config.setUsername(spec.user());
    config.setPassword(spec.password());
    config.setDataSourceProperties(engineProperties(url));
    config.setMaximumPoolSize(POOL_SIZE);
    // One idle connection keeps an embedded H2 database open between statements.
    config.setMinimumIdle(1);
    config.setConnectionTimeout(CONNECT_TIMEOUT.toMillis());
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw StoreFailures.cannotOpen(url, e);
    }
  }

  private static Properties connectionProperties(StoreUrl url, StoreSpec spec) {
    Properties properties = engineProperties(url);
    if (spec.user() != null) {
      properties.setProperty("user", spec.user());
    }
    if (spec.password() != null) {
      properties.setProperty("password", spec.password());
    }
    return properties;
  }

  private static Properties engineProperties(StoreUrl url) {
    Properties properties = new Properties();
    if (url.engine() == StoreUrl.Engine.POSTGRESQL) {
      String seconds = Long.toString(CONNECT_TIMEOUT.toSeconds());
      properties.setProperty("connectTimeout", seconds);
      properties.setProperty("loginTimeout", seconds);
      properties.setProperty("ApplicationName", "nines");
      // A run's observations go as one multi-row INSERT rather than one round trip each.
      properties.setProperty("reWriteBatchedInserts", "true");
    }
    if (url.engine() == StoreUrl.Engine.H2
        && !url.url().toUpperCase().contains("QUERY_CACHE_SIZE")) {
      // H2 parses a statement again unless it is among the session's last few: the default 8 is
      // fewer than ingestion alone uses in turn.
      properties.setProperty("QUERY_CACHE_SIZE", "64");
    }
    return properties;
  }

  /**
   * The migrations not yet applied to the store's database: empty when its tables are up to date.
   *
   * @throws FlywayException when the database cannot be read
   */
  public static List<String> pendingMigrations(DataSource pool) {
    return Arrays.stream(flyway(pool).info().pending())
        .map(migration -> migration.getScript())
        .toList();
  }

  private static void migrate(HikariDataSource pool) {
    flyway(pool).migrate();
  }

  private static Flyway flyway(DataSource pool) {
    return Flyway.configure(StoreDatabase.class.getClassLoader())
        .dataSource(pool)
        .locations("classpath:db/migration")
        .table(HISTORY_TABLE)
        .validateMigrationNaming(true)
        // The store may share a PostgreSQL database with other tables: start from version 0.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load();
  }
}
