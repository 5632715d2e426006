package dev.nines.store.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nines.incident.Incident;
import dev.nines.incident.IncidentStatus;
import dev.nines.incident.Resolution;
import dev.nines.incident.Severity;
import dev.nines.incident.Subject;
import dev.nines.incident.SubjectKind;
import dev.nines.observation.Kind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads incident rows (V4) for the features that only need to look at incidents, such as
 * remediation; the incident manager's own store code writes them.
 */
public final class IncidentRows {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Jdbi jdbi;
  private final StoreJson json;

  public IncidentRows(Jdbi jdbi, StoreJson json) {
    this.jdbi = jdbi;
    this.json = json;
  }

  /** The incident, if it exists. */
  public Optional<Incident> find(long id) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT * FROM incident WHERE id = :id")
                .bind("id", id)
                .map((results, context) -> incident(results))
                .findOne());
  }

  private Incident incident(ResultSet row) throws SQLException {
    String resolution = row.getString("resolution");
    return new Incident(
        row.getLong("id"),
        row.getString("incident_key"),
        row.getString("title"),
        new Subject(SubjectKind.valueOf(row.getString("subject_kind")), row.getString("subject")),
        row.getString("cause"),
        Kind.valueOf(row.getString("kind")),
        Severity.valueOf(row.getString("severity")),
        row.getString("severity_rule"),
        IncidentStatus.valueOf(row.getString("status")),
        resolution == null ? null : Resolution.valueOf(resolution),
        row.getString("owner"),
        json.readLines(row.getString("consumers")),
        json.readLines(row.getString("agreements")),
        subjects(row.getString("impact")),
        instant(row, "started_at"),
        instant(row, "detected_at"),
        instant(row, "acknowledged_at"),
        instant(row, "resolved_at"),
        instant(row, "last_failure_at"),
        row.getInt("observation_count"),
        row.getString("last_message"));
  }

  private static List<Subject> subjects(String text) {
    List<Subject> subjects = new ArrayList<>();
    try {
      for (JsonNode node : JSON.readTree(text)) {
        subjects.add(
            new Subject(
                SubjectKind.valueOf(node.path("kind").asText()), node.path("name").asText()));
      }
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // impact is shown, never relied on here: an unreadable list reads as none
    }
    return subjects;
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
