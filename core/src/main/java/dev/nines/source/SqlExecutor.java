package dev.nines.source;

import dev.nines.dialect.Dialect;
import dev.nines.observation.ColumnInfo;
import dev.nines.observation.ErrorCategory;
import dev.nines.spec.SourceSpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs read-only queries with a statement timeout. Besides {@link Statement#setQueryTimeout}, a
 * watchdog cancels the statement when the timeout passes, for drivers that ignore the former.
 */
public final class SqlExecutor implements AutoCloseable {
  private static final int MAX_ROWS = 10_000;

  private final ScheduledExecutorService watchdog;
  private final AtomicLong executed = new AtomicLong();

  public SqlExecutor() {
    this.watchdog =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "nines-query-watchdog");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** How many queries were sent so far; tests use it to prove scans are shared. */
  public long executedQueries() {
    return executed.get();
  }

  /**
   * Runs one SELECT and reads at most {@value #MAX_ROWS} rows.
   *
   * @throws SourceException classified, with a short message
   */
  public QueryResult query(
      Connection connection, String sql, Duration timeout, Dialect dialect, SourceSpec source) {
    executed.incrementAndGet();
    return read(connection, sql, timeout, dialect, source);
  }

  /**
   * Runs a query on the database's catalog tables. Not counted in {@link #executedQueries}: it
   * reads no data.
   *
   * @throws SourceException classified, with a short message
   */
  public QueryResult catalogQuery(
      Connection connection, String sql, Duration timeout, Dialect dialect, SourceSpec source) {
    return read(connection, sql, timeout, dialect, source);
  }

  private QueryResult read(
      Connection connection, String sql, Duration timeout, Dialect dialect, SourceSpec source) {
    AtomicBoolean cancelled = new AtomicBoolean();
    try (Statement statement = connection.createStatement()) {
      statement.setMaxRows(MAX_ROWS);
      trySetQueryTimeout(statement, timeout);
      ScheduledFuture<?> alarm =
          watchdog.schedule(
              () -> cancel(statement, cancelled), timeout.toMillis(), TimeUnit.MILLISECONDS);
      try (ResultSet resultSet = statement.executeQuery(sql)) {
        return read(resultSet);
      } finally {
        alarm.cancel(false);
      }
    } catch (SQLException e) {
      throw failure(e, cancelled, timeout, dialect, source);
    }
  }

  /**
   * The columns a query would return, read from its metadata; the query should return no row (e.g.
   * {@code WHERE 1 = 0}). Not counted in {@link #executedQueries}: it reads no data.
   *
   * @throws SourceException classified, with a short message
   */
  public List<ColumnInfo> columnsOf(
      Connection connection, String sql, Duration timeout, Dialect dialect, SourceSpec source) {
    AtomicBoolean cancelled = new AtomicBoolean();
    try (Statement statement = connection.createStatement()) {
      trySetQueryTimeout(statement, timeout);
      ScheduledFuture<?> alarm =
          watchdog.schedule(
              () -> cancel(statement, cancelled), timeout.toMillis(), TimeUnit.MILLISECONDS);
      try (ResultSet resultSet = statement.executeQuery(sql)) {
        ResultSetMetaData meta = resultSet.getMetaData();
        List<ColumnInfo> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          columns.add(
              new ColumnInfo(
                  meta.getColumnLabel(i),
                  meta.getColumnTypeName(i),
                  meta.getColumnType(i),
                  i,
                  meta.isNullable(i) != ResultSetMetaData.columnNoNulls));
        }
        return columns;
      } finally {
        alarm.cancel(false);
      }
    } catch (SQLException e) {
      throw failure(e, cancelled, timeout, dialect, source);
    }
  }

  private static SourceException failure(
      SQLException error,
      AtomicBoolean cancelled,
      Duration timeout,
      Dialect dialect,
      SourceSpec source) {
    if (cancelled.get() || dialect.classify(error) == ErrorCategory.TIMEOUT) {
      return new SourceException(
          ErrorCategory.TIMEOUT,
          "query ran longer than its timeout of " + dev.nines.spec.Values.human(timeout));
    }
    return Failures.describe(error, dialect, source);
  }

  private static void trySetQueryTimeout(Statement statement, Duration timeout) {
    try {
      statement.setQueryTimeout((int) Math.max(1, (timeout.toMillis() + 999) / 1000));
    } catch (SQLException | RuntimeException unsupported) {
      // The watchdog still cancels the statement.
    }
  }

  private static void cancel(Statement statement, AtomicBoolean cancelled) {
    cancelled.set(true);
    try {
      statement.cancel();
    } catch (SQLException | RuntimeException ignored) {
      // Nothing more can be done; the query's own failure will be reported.
    }
  }

  private static QueryResult read(ResultSet resultSet) throws SQLException {
    ResultSetMetaData meta = resultSet.getMetaData();
    int count = meta.getColumnCount();
    List<String> columns = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      columns.add(meta.getColumnLabel(i));
    }
    List<List<Object>> rows = new ArrayList<>();
    while (resultSet.next()) {
      List<Object> row = new ArrayList<>(count);
      for (int i = 1; i <= count; i++) {
        row.add(value(resultSet, i, meta.getColumnType(i)));
      }
      rows.add(row);
    }
    return new QueryResult(columns, rows);
  }

  private static Object value(ResultSet resultSet, int index, int jdbcType) throws SQLException {
    Object plain = resultSet.getObject(index);
    if (plain == null) {
      return null;
    }
    try {
      switch (jdbcType) {
        case Types.TIMESTAMP:
          return resultSet.getObject(index, LocalDateTime.class);
        case Types.TIMESTAMP_WITH_TIMEZONE:
          return resultSet.getObject(index, OffsetDateTime.class);
        case Types.DATE:
          return resultSet.getObject(index, LocalDate.class);
        default:
          break;
      }
    } catch (SQLException | RuntimeException notConvertible) {
      // Fall back to the driver's own object below.
    }
    return Values.normalize(plain);
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
  }
}
