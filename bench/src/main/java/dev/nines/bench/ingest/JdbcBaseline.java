package dev.nines.bench.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The floor to compare with: the same rows (the raw event row, and the run row inserted on START
 * and updated on COMPLETE) written with plain JDBC batches into the store's own tables, one commit
 * per batch, by the same number of threads. No parsing, no HTTP, no state derivation.
 */
public final class JdbcBaseline {
  private static final String INSERT_EVENT =
      """
      INSERT INTO lineage_event
          (event_key, event_kind, run_id, event_type, event_time, job_namespace, job_name,
           rows_written, producer, received_at, payload)
      VALUES (?, 'RUN', ?, ?, ?, ?, ?, ?, 'bench', ?, ?)
      """;
  private static final String INSERT_RUN =
      """
      INSERT INTO pipeline_run
          (run_id, job_namespace, job_name, state, started_at, event_count, last_event_at,
           updated_at)
      VALUES (?, ?, ?, 'RUNNING', ?, 1, ?, ?)
      """;
  private static final String UPDATE_RUN =
      """
      UPDATE pipeline_run SET state = 'COMPLETE', ended_at = ?, rows_written = ?,
          event_count = event_count + 1, last_event_at = ?, updated_at = ?
      WHERE run_id = ?
      """;

  private final StoreTarget target;
  private final int threads;

  public JdbcBaseline(StoreTarget target, int threads) {
    this.target = target;
    this.threads = threads;
  }

  /** Writes {@code events} in transactions of {@code batchSize} events each. */
  public LoadResult write(List<BenchEvent> events, int batchSize) {
    List<List<BenchEvent>> batches = new ArrayList<>();
    for (int from = 0; from < events.size(); from += batchSize) {
      batches.add(events.subList(from, Math.min(events.size(), from + batchSize)));
    }
    long[] latencies = new long[batches.size()];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> workers = new ArrayList<>();
      long started = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(
                () -> {
                  try (Connection connection = target.connect()) {
                    connection.setAutoCommit(false);
                    for (int i = next.getAndIncrement();
                        i < batches.size();
                        i = next.getAndIncrement()) {
                      long begin = System.nanoTime();
                      writeBatch(connection, batches.get(i));
                      latencies[i] = System.nanoTime() - begin;
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
      Duration wall = Duration.ofNanos(System.nanoTime() - started);
      return new LoadResult(events.size(), batches.size(), wall, latencies);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static void writeBatch(Connection connection, List<BenchEvent> batch)
      throws SQLException {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (PreparedStatement events = connection.prepareStatement(INSERT_EVENT);
        PreparedStatement inserts = connection.prepareStatement(INSERT_RUN);
        PreparedStatement updates = connection.prepareStatement(UPDATE_RUN)) {
      for (BenchEvent event : batch) {
        OffsetDateTime time = utc(event.eventTime());
        events.setString(1, key(event));
        events.setObject(2, event.runId());
        events.setString(3, event.eventType());
        events.setObject(4, time);
        events.setString(5, event.namespace());
        events.setString(6, event.job());
        events.setObject(7, event.rowsWritten());
        events.setObject(8, now);
        events.setString(9, event.json());
        events.addBatch();
        if (event.opensRun()) {
          inserts.setObject(1, event.runId());
          inserts.setString(2, event.namespace());
          inserts.setString(3, event.job());
          inserts.setObject(4, time);
          inserts.setObject(5, time);
          inserts.setObject(6, now);
          inserts.addBatch();
        } else {
          updates.setObject(1, time);
          updates.setObject(2, event.rowsWritten());
          updates.setObject(3, time);
          updates.setObject(4, now);
          updates.setObject(5, event.runId());
          updates.addBatch();
        }
      }
      events.executeBatch();
      inserts.executeBatch();
      updates.executeBatch();
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static String key(BenchEvent event) {
    try {
      byte[] identity =
          ("baseline/" + event.runId() + "/" + event.eventType() + "/" + event.eventTime())
              .getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(identity));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
