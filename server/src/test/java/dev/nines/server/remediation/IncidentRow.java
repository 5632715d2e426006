package dev.nines.server.remediation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Writes an open incident row as the incident manager would (V4 columns), for API tests. */
public final class IncidentRow {
  private IncidentRow() {}

  /** Inserts an open DATA incident about a dataset and returns its id. */
  public static long insertOpen(String jdbcUrl, String dataset, Instant detectedAt) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO incident (incident_key, title, subject_kind, subject, cause, kind,"
                    + " severity, severity_rule, status, consumers, agreements, impact,"
                    + " started_at, detected_at, last_failure_at, consecutive_passes,"
                    + " observation_count, last_message, updated_at, severity_since) VALUES (?, ?, 'DATASET', ?,"
                    + " 'freshness', 'DATA', 'SEV2', 'default', 'OPEN', '[]', '[]', '[]', ?, ?, ?,"
                    + " 0, 1, 'late', ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, "dataset " + dataset + "/freshness");
      insert.setString(2, dataset + " is late");
      insert.setString(3, dataset);
      OffsetDateTime at = detectedAt.atOffset(ZoneOffset.UTC);
      for (int i = 4; i <= 8; i++) {
        insert.setObject(i, at);
      }
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot insert an incident: " + e.getMessage(), e);
    }
  }

  /** Appends a timeline entry as the incident manager would. */
  public static void appendTimeline(String jdbcUrl, long incidentId, String kind, Instant at) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO incident_timeline (incident_id, happened_at, entry_kind, actor,"
                    + " entry_text) VALUES (?, ?, ?, 'nines', ?)")) {
      insert.setLong(1, incidentId);
      insert.setObject(2, at.atOffset(ZoneOffset.UTC));
      insert.setString(3, kind);
      insert.setString(4, kind.toLowerCase(java.util.Locale.ROOT));
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot append to a timeline: " + e.getMessage(), e);
    }
  }
}
