package dev.nines.server.notify;

import dev.nines.incident.Severity;
import dev.nines.incident.TimelineKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes incidents and timeline entries the way the incident manager does (the V4 tables), so the
 * notifier can be tested without it; and reads the timeline back.
 */
public final class IncidentRows {
  private final DataSource data;

  public IncidentRows(DataSource data) {
    this.data = data;
  }

  public long open(String dataset, Severity severity, String owner, Instant at) {
    try (Connection connection = data.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                """
                INSERT INTO incident (incident_key, title, subject_kind, subject, cause, kind,
                    severity, severity_rule, status, owner, consumers, agreements, impact,
                    started_at, detected_at, last_failure_at, consecutive_passes,
                    observation_count, last_message, updated_at, severity_since)
                VALUES (?, ?, 'DATASET', ?, 'duplicates_order_id', 'DATA', ?, 'test rule', 'OPEN',
                    ?, '[]', '[]', '[]', ?, ?, ?, 0, 1, ?, ?, ?)
                """,
                new String[] {"id"})) {
      OffsetDateTime time = at.atOffset(ZoneOffset.UTC);
      insert.setString(1, "dataset " + dataset + "/duplicates_order_id/" + System.nanoTime());
      insert.setString(2, dataset + ": 12 duplicate order_id");
      insert.setString(3, dataset);
      insert.setString(4, severity.name());
      insert.setString(5, owner);
      for (int column : new int[] {6, 7, 8, 10, 11}) {
        insert.setObject(column, time);
      }
      insert.setString(9, "12 rows share an order_id");
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        long id = keys.getLong(1);
        timeline(id, TimelineKind.OPENED, at, "opened");
        return id;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  void timeline(long incident, TimelineKind kind, Instant at, String text) {
    update(
        "INSERT INTO incident_timeline (incident_id, happened_at, entry_kind, actor, entry_text)"
            + " VALUES (?, ?, ?, 'nines', ?)",
        incident,
        at.atOffset(ZoneOffset.UTC),
        kind.name(),
        text);
  }

  void acknowledge(long incident, Instant at) {
    update(
        "UPDATE incident SET status = 'ACKNOWLEDGED', acknowledged_at = ? WHERE id = ?",
        at.atOffset(ZoneOffset.UTC),
        incident);
    timeline(incident, TimelineKind.ACKNOWLEDGED, at, "acknowledged");
  }

  void resolve(long incident, Instant at) {
    update(
        "UPDATE incident SET status = 'RESOLVED', resolution = 'FIXED', resolved_at = ?"
            + " WHERE id = ?",
        at.atOffset(ZoneOffset.UTC),
        incident);
    timeline(incident, TimelineKind.RESOLVED, at, "passing again");
  }

  /** A downstream dataset failure joins the incident, as the incident manager records it. */
  void addImpact(long incident, String dataset, Instant at) {
    List<String> impact = new ArrayList<>();
    try (Connection connection = data.getConnection();
        PreparedStatement query =
            connection.prepareStatement("SELECT impact FROM incident WHERE id = ?")) {
      query.setLong(1, incident);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        String json = rows.getString(1);
        if (json.length() > 2) {
          impact.add(json.substring(1, json.length() - 1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    impact.add("{\"kind\":\"DATASET\",\"name\":\"" + dataset + "\"}");
    update(
        "UPDATE incident SET impact = ? WHERE id = ?",
        "[" + String.join(",", impact) + "]",
        incident);
    timeline(incident, TimelineKind.IMPACT_ADDED, at, "dataset " + dataset + ": failing too");
  }

  void severity(long incident, Severity severity, Instant at) {
    update("UPDATE incident SET severity = ? WHERE id = ?", severity.name(), incident);
    timeline(incident, TimelineKind.SEVERITY_CHANGED, at, "escalated to " + severity);
  }

  /** The timeline kinds and texts of an incident, oldest first: {@code KIND: text}. */
  public List<String> timelineOf(long incident) {
    List<String> entries = new ArrayList<>();
    try (Connection connection = data.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT entry_kind, entry_text FROM incident_timeline WHERE incident_id = ?"
                    + " ORDER BY id")) {
      query.setLong(1, incident);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          entries.add(rows.getString(1) + ": " + rows.getString(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return entries;
  }

  private void update(String sql, Object... values) {
    try (Connection connection = data.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int index = 0; index < values.length; index++) {
        statement.setObject(index + 1, values[index]);
      }
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
