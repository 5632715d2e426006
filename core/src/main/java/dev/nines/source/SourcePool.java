package dev.nines.source;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.nines.dialect.Dialect;
import dev.nines.observation.ErrorCategory;
import dev.nines.spec.SourceSpec;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The connection pool of one source: read-only connections, at most {@code max_connections}, opened
 * lazily on first use so that an unreachable database shows up as ERROR observations, not as a
 * failed start.
 */
public final class SourcePool implements AutoCloseable {
  private static final long MIN_HIKARI_TIMEOUT_MILLIS = 250;

  private final SourceSpec source;
  private final Dialect dialect;
  private final SourceException unusable;
  private HikariDataSource pool;
  private SourceException failedToOpen;

  public SourcePool(SourceSpec source, Dialect dialect) {
    this.source = source;
    this.dialect = dialect;
    this.unusable =
        DriverDataSource.findDriver(source.url()) == null
            ? new SourceException(
                ErrorCategory.DRIVER,
                "no JDBC driver for "
                    + scheme(source.url())
                    + " urls is on the class path; add the database's driver jar")
            : null;
  }

  public SourceSpec source() {
    return source;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** A connection from the pool; classified failures become {@link SourceException}. */
  public Connection connect() {
    if (unusable != null) {
      throw unusable;
    }
    try {
      return pool().getConnection();
    } catch (SourceException e) {
      throw e;
    } catch (SQLException e) {
      throw Failures.describe(e, dialect, source);
    } catch (RuntimeException e) {
      throw new SourceException(
          ErrorCategory.CONNECTION,
          "cannot connect to source " + source.name() + ": " + Failures.shortText(e, source));
    }
  }

  /** Forgets that the database could not be reached, so the next connect tries again. */
  public synchronized void forgetFailure() {
    failedToOpen = null;
  }

  /**
   * The pool, opened on first use with one connection so that a refused connection or wrong
   * credentials fail at once instead of after the connect timeout; a failure is remembered until
   * {@link #forgetFailure} so the other datasets of a run do not wait for it again.
   */
  private synchronized HikariDataSource pool() {
    if (failedToOpen != null) {
      throw failedToOpen;
    }
    if (pool == null) {
      Driver driver = DriverDataSource.findDriver(source.url());
      HikariConfig config = new HikariConfig();
      config.setPoolName("nines-" + source.name());
      config.setDataSource(new DriverDataSource(source, dialect, driver));
      config.setMaximumPoolSize(source.maxConnections());
      config.setMinimumIdle(0);
      config.setInitializationFailTimeout(1);
      config.setConnectionTimeout(
          Math.max(MIN_HIKARI_TIMEOUT_MILLIS, source.connectTimeout().toMillis()));
      // Whole seconds: drivers without network timeouts honour no finer validation timeout.
      long connectMillis = Math.max(MIN_HIKARI_TIMEOUT_MILLIS, source.connectTimeout().toMillis());
      config.setValidationTimeout(
          Math.min(connectMillis, Math.max(1, source.connectTimeout().toSeconds() / 2) * 1000));
      config.setReadOnly(dialect.readOnlyAfterConnect());
      config.setAutoCommit(true);
      config.setIdleTimeout(Duration.ofMinutes(2).toMillis());
      try {
        pool = new HikariDataSource(config);
      } catch (HikariPool.PoolInitializationException e) {
        failedToOpen =
            e.getCause() instanceof SQLException cause
                ? Failures.describe(cause, dialect, source)
                : new SourceException(
                    ErrorCategory.CONNECTION,
                    "cannot connect to source "
                        + source.name()
                        + ": "
                        + Failures.shortText(e, source));
        throw failedToOpen;
      }
    }
    return pool;
  }

  private static String scheme(String url) {
    if (url == null) {
      return "(no url)";
    }
    String[] parts = url.split(":", 3);
    return parts.length >= 2 ? parts[0] + ":" + parts[1] + ":" : url;
  }

  @Override
  public synchronized void close() {
    if (pool != null) {
      pool.close();
      pool = null;
    }
  }
}
