package dev.nines.store.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nines.incident.Incident;
import dev.nines.incident.IncidentStatus;
import dev.nines.incident.Resolution;
import dev.nines.incident.Severity;
import dev.nines.incident.Subject;
import dev.nines.incident.SubjectKind;
import dev.nines.incident.TimelineEntry;
import dev.nines.incident.TimelineKind;
import dev.nines.notify.AlertAction;
import dev.nines.notify.GroupState;
import dev.nines.notify.OutboundMessage;
import dev.nines.notify.SentState;
import dev.nines.notify.Silence;
import dev.nines.notify.Transport;
import dev.nines.observation.Kind;
import dev.nines.store.OutboxEntry;
import dev.nines.store.OutboxStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Row mappers of the notifier's reads, and the JSON of its text columns. */
public final class NotifyRows {
  private static final ObjectMapper JSON = new ObjectMapper();

  private NotifyRows() {}

  static Instant instant(ResultSet rows, String column) throws SQLException {
    OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** Headers as a JSON object. */
  public static String headersJson(Map<String, String> headers) {
    try {
      return JSON.writeValueAsString(headers);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("headers cannot be written as JSON", e);
    }
  }

  private static Map<String, String> headers(String json) {
    try {
      return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored headers are not a JSON object", e);
    }
  }

  private static List<String> texts(String json) {
    try {
      return JSON.readValue(json, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      return List.of();
    }
  }

  private static List<Subject> subjects(String json) {
    List<Subject> subjects = new ArrayList<>();
    try {
      for (JsonNode node : JSON.readTree(json)) {
        subjects.add(
            new Subject(
                SubjectKind.valueOf(node.path("kind").asText("DATASET")),
                node.path("name").asText()));
      }
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // an impact list the notifier cannot read only shortens a message
    }
    return subjects;
  }

  /** Incident ids written {@code 1,2,3}. */
  public static String ids(List<Long> ids) {
    return String.join(",", ids.stream().map(String::valueOf).toList());
  }

  public static final class Timeline implements RowMapper<TimelineEntry> {
    @Override
    public TimelineEntry map(ResultSet rows, StatementContext context) throws SQLException {
      TimelineKind kind;
      try {
        kind = TimelineKind.valueOf(rows.getString("entry_kind"));
      } catch (IllegalArgumentException e) {
        kind = TimelineKind.COMMENTED; // a kind added later: nothing the notifier acts on
      }
      return new TimelineEntry(
          rows.getLong("id"),
          rows.getLong("incident_id"),
          instant(rows, "happened_at"),
          kind,
          rows.getString("actor"),
          rows.getString("entry_text"));
    }
  }

  public static final class IncidentRow implements RowMapper<Incident> {
    @Override
    public Incident map(ResultSet rows, StatementContext context) throws SQLException {
      String resolution = rows.getString("resolution");
      return new Incident(
          rows.getLong("id"),
          rows.getString("incident_key"),
          rows.getString("title"),
          new Subject(
              SubjectKind.valueOf(rows.getString("subject_kind")), rows.getString("subject")),
          rows.getString("cause"),
          Kind.valueOf(rows.getString("kind")),
          Severity.valueOf(rows.getString("severity")),
          rows.getString("severity_rule"),
          IncidentStatus.valueOf(rows.getString("status")),
          resolution == null ? null : Resolution.valueOf(resolution),
          rows.getString("owner"),
          texts(rows.getString("consumers")),
          texts(rows.getString("agreements")),
          subjects(rows.getString("impact")),
          instant(rows, "started_at"),
          instant(rows, "detected_at"),
          instant(rows, "acknowledged_at"),
          instant(rows, "resolved_at"),
          instant(rows, "last_failure_at"),
          rows.getInt("observation_count"),
          rows.getString("last_message"));
    }
  }

  public static final class Group implements RowMapper<GroupState> {
    @Override
    public GroupState map(ResultSet rows, StatementContext context) throws SQLException {
      String severity = rows.getString("sent_severity");
      return new GroupState(
          rows.getLong("incident_id"),
          rows.getString("channel"),
          SentState.valueOf(rows.getString("sent_state")),
          severity == null ? null : Severity.valueOf(severity),
          instant(rows, "last_sent_at"),
          instant(rows, "due_at"),
          rows.getInt("sequence_no"),
          instant(rows, "held_until"),
          rows.getObject("impact_heard", Integer.class));
    }
  }

  public static final class Outbox implements RowMapper<OutboxEntry> {
    @Override
    public OutboxEntry map(ResultSet rows, StatementContext context) throws SQLException {
      OutboundMessage message =
          new OutboundMessage(
              rows.getString("channel"),
              Transport.valueOf(rows.getString("transport")),
              rows.getString("target"),
              headers(rows.getString("headers")),
              rows.getString("subject"),
              rows.getString("body"),
              rows.getString("text_body"));
      List<Long> ids =
          Arrays.stream(rows.getString("incident_ids").split(","))
              .filter(id -> !id.isBlank())
              .map(Long::valueOf)
              .toList();
      return new OutboxEntry(
          rows.getLong("id"),
          rows.getString("dedup_key"),
          ids,
          AlertAction.valueOf(rows.getString("action")),
          message,
          OutboxStatus.valueOf(rows.getString("status")),
          rows.getInt("attempts"),
          instant(rows, "created_at"),
          instant(rows, "next_attempt_at"),
          instant(rows, "finished_at"),
          rows.getString("last_error"));
    }
  }

  public static final class SilenceRow implements RowMapper<Silence> {
    @Override
    public Silence map(ResultSet rows, StatementContext context) throws SQLException {
      String severity = rows.getString("severity");
      return new Silence(
          rows.getLong("id"),
          new Silence.Match(
              rows.getString("dataset"),
              rows.getString("pipeline"),
              rows.getString("source"),
              severity == null ? null : Severity.valueOf(severity),
              rows.getString("owner")),
          instant(rows, "starts_at"),
          instant(rows, "ends_at"),
          rows.getString("reason"),
          rows.getString("author"),
          instant(rows, "created_at"));
    }
  }
}
