package dev.nines.server.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The {@code scheduled_check} table: one row per scheduled evaluation (dataset and tick). Claimed
 * before the checks run and finished with the saved run's id, so a tick whose run was saved is
 * never run again, even when the replica died before db-scheduler heard it finished.
 */
final class ScheduledCheckLog {
  /** What a claim found. */
  enum Claim {
    /** This replica runs the tick (first time, or again after a replica died running it). */
    CLAIMED,
    /** The tick's run was already saved: nothing to do. */
    ALREADY_DONE
  }

  private final DataSource dataSource;

  ScheduledCheckLog(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  Claim claim(String dataset, Instant scheduledAt, String replica, Instant now)
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      Boolean finished = finished(connection, dataset, scheduledAt);
      if (finished == null) {
        insert(connection, dataset, scheduledAt, replica, now);
        return Claim.CLAIMED;
      }
      if (finished) {
        return Claim.ALREADY_DONE;
      }
      retry(connection, dataset, scheduledAt, replica, now);
      return Claim.CLAIMED;
    }
  }

  void finish(String dataset, Instant scheduledAt, UUID runId, Instant finishedAt)
      throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE scheduled_check SET run_id = ?, finished_at = ?"
                    + " WHERE dataset = ? AND scheduled_at = ?")) {
      connection.setAutoCommit(true);
      update.setObject(1, runId);
      update.setObject(2, timestamp(finishedAt));
      update.setString(3, dataset);
      update.setObject(4, timestamp(scheduledAt));
      update.executeUpdate();
    }
  }

  /** Forgets ticks scheduled before {@code cutoff}; returns how many. */
  int deleteBefore(Instant cutoff) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete =
            connection.prepareStatement("DELETE FROM scheduled_check WHERE scheduled_at < ?")) {
      connection.setAutoCommit(true);
      delete.setObject(1, timestamp(cutoff));
      return delete.executeUpdate();
    }
  }

  /** Null when the tick has no row; else whether its run was saved. */
  private static Boolean finished(Connection connection, String dataset, Instant scheduledAt)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT finished_at FROM scheduled_check WHERE dataset = ? AND scheduled_at = ?")) {
      select.setString(1, dataset);
      select.setObject(2, timestamp(scheduledAt));
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return null;
        }
        return row.getObject(1) != null;
      }
    }
  }

  private static void insert(
      Connection connection, String dataset, Instant scheduledAt, String replica, Instant now)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO scheduled_check (dataset, scheduled_at, claimed_by, claimed_at, attempts)"
                + " VALUES (?, ?, ?, ?, 1)")) {
      insert.setString(1, dataset);
      insert.setObject(2, timestamp(scheduledAt));
      insert.setString(3, replica);
      insert.setObject(4, timestamp(now));
      insert.executeUpdate();
    }
  }

  private static void retry(
      Connection connection, String dataset, Instant scheduledAt, String replica, Instant now)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE scheduled_check SET claimed_by = ?, claimed_at = ?, attempts = attempts + 1"
                + " WHERE dataset = ? AND scheduled_at = ?")) {
      update.setString(1, replica);
      update.setObject(2, timestamp(now));
      update.setString(3, dataset);
      update.setObject(4, timestamp(scheduledAt));
      update.executeUpdate();
    }
  }

  // Ticks are kept to the millisecond, like everything else in the store.
  private static OffsetDateTime timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
  }
}
