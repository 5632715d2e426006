package dev.nines.store.internal;

import dev.nines.incident.Incident;
import dev.nines.incident.IncidentStatus;
import dev.nines.incident.Resolution;
import dev.nines.incident.Severity;
import dev.nines.incident.Subject;
import dev.nines.incident.SubjectKind;
import dev.nines.incident.TrackedIncident;
import dev.nines.observation.Kind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads an {@code incident} row; the subject and impact columns need care. */
public final class IncidentMapper implements RowMapper<TrackedIncident> {
  private final StoreJson json;

  public IncidentMapper(StoreJson json) {
    this.json = json;
  }

  @Override
  public TrackedIncident map(ResultSet rs, StatementContext context) throws SQLException {
    String resolution = rs.getString("resolution");
    Incident incident =
        new Incident(
            rs.getLong("id"),
            rs.getString("incident_key"),
            rs.getString("title"),
            new Subject(SubjectKind.valueOf(rs.getString("subject_kind")), rs.getString("subject")),
            rs.getString("cause"),
            Kind.valueOf(rs.getString("kind")),
            Severity.valueOf(rs.getString("severity")),
            rs.getString("severity_rule"),
            IncidentStatus.valueOf(rs.getString("status")),
            resolution == null ? null : Resolution.valueOf(resolution),
            rs.getString("owner"),
            json.readLines(rs.getString("consumers")),
            json.readLines(rs.getString("agreements")),
            IncidentJson.readSubjects(rs.getString("impact")),
            instant(rs, "started_at"),
            instant(rs, "detected_at"),
            instant(rs, "acknowledged_at"),
            instant(rs, "resolved_at"),
            instant(rs, "last_failure_at"),
            rs.getInt("observation_count"),
            rs.getString("last_message"));
    return new TrackedIncident(
        incident, rs.getInt("consecutive_passes"), instant(rs, "severity_since"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
