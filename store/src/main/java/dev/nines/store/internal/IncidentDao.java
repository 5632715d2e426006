package dev.nines.store.internal;

import dev.nines.incident.TimelineEntry;
import dev.nines.incident.TrackedIncident;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Incidents, the observations they group and their timelines. Incidents map with {@link
 * IncidentMapper}, registered by the store.
 */
@RegisterConstructorMapper(TimelineEntry.class)
public interface IncidentDao {
  String COLUMNS =
      """
      incident_key, title, subject_kind, subject, cause, kind, severity, severity_rule, status,
      resolution, owner, consumers, agreements, impact, started_at, detected_at, acknowledged_at,
      resolved_at, last_failure_at, consecutive_passes, observation_count, last_message,
      severity_since, updated_at
      """;

  @SqlUpdate(
      "INSERT INTO incident ("
          + COLUMNS
          + """
          ) VALUES (:incidentKey, :title, :subjectKind, :subject, :cause, :kind, :severity,
            :severityRule, :status, :resolution, :owner, :consumers, :agreements, :impact,
            :startedAt, :detectedAt, :acknowledgedAt, :resolvedAt, :lastFailureAt,
            :consecutivePasses, :observationCount, :lastMessage, :severitySince, :updatedAt)
          """)
  @GetGeneratedKeys("id")
  long insert(@BindMethods IncidentRow row);

  @SqlUpdate(
      """
      UPDATE incident SET title = :title, severity = :severity, severity_rule = :severityRule,
        status = :status, resolution = :resolution, owner = :owner, consumers = :consumers,
        agreements = :agreements, impact = :impact, started_at = :startedAt,
        acknowledged_at = :acknowledgedAt, resolved_at = :resolvedAt,
        last_failure_at = :lastFailureAt, consecutive_passes = :consecutivePasses,
        observation_count = :observationCount, last_message = :lastMessage,
        severity_since = :severitySince, updated_at = :updatedAt
      WHERE id = :id
      """)
  void update(@BindMethods IncidentRow row);

  @SqlQuery("SELECT * FROM incident WHERE id = :id")
  Optional<TrackedIncident> byId(long id);

  @SqlQuery(
      """
      SELECT * FROM incident WHERE incident_key = :key AND status <> 'RESOLVED'
      ORDER BY id DESC LIMIT 1
      """)
  Optional<TrackedIncident> active(String key);

  @SqlQuery(
      """
      SELECT * FROM incident WHERE incident_key = :key AND status = 'RESOLVED'
      ORDER BY resolved_at DESC, id DESC LIMIT 1
      """)
  Optional<TrackedIncident> lastResolved(String key);

  @SqlQuery(
      """
      SELECT * FROM incident
      WHERE subject = :subject AND subject_kind = :subjectKind AND status <> 'RESOLVED'
      ORDER BY id
      """)
  List<TrackedIncident> activeAbout(String subjectKind, String subject);

  @SqlQuery("SELECT * FROM incident WHERE status <> 'RESOLVED' ORDER BY id")
  List<TrackedIncident> activeAll();

  @SqlQuery(
      """
      SELECT observed_at FROM observation
      WHERE dataset = :dataset AND check_name = :check AND status = 'PASS' AND observed_at < :before
      ORDER BY observed_at DESC LIMIT 1
      """)
  List<Instant> lastPass(String dataset, String check, Instant before);

  @SqlQuery(
      """
      SELECT DISTINCT o.check_name FROM incident_observation io
      JOIN observation o ON o.id = io.observation_id
      WHERE io.incident_id = :incidentId AND io.role = 'CAUSE'
      """)
  List<String> causeChecks(long incidentId);

  @SqlQuery(
      """
      SELECT COUNT(*) FROM incident_observation
      WHERE incident_id = :incidentId AND observation_id = :observationId
      """)
  int linked(long incidentId, long observationId);

  @SqlUpdate(
      """
      INSERT INTO incident_observation (incident_id, observation_id, role)
      VALUES (:incidentId, :observationId, :role)
      """)
  void link(long incidentId, long observationId, String role);

  @SqlQuery(
      """
      SELECT io.role, o.id, o.dataset, o.check_name, o.check_type, o.status, o.message,
        o.observed_at
      FROM incident_observation io JOIN observation o ON o.id = io.observation_id
      WHERE io.incident_id = :incidentId ORDER BY o.id LIMIT :limit
      """)
  @RegisterConstructorMapper(IncidentObservationRow.class)
  List<IncidentObservationRow> observations(long incidentId, int limit);

  @SqlUpdate(
      """
      INSERT INTO incident_timeline (incident_id, happened_at, entry_kind, actor, entry_text)
      VALUES (:incidentId, :at, :kind, :actor, :text)
      """)
  @GetGeneratedKeys("id")
  long append(long incidentId, Instant at, String kind, String actor, String text);

  @SqlQuery(
      """
      SELECT id, incident_id, happened_at AS "at", entry_kind AS kind, actor, entry_text AS text
      FROM incident_timeline WHERE incident_id = :incidentId ORDER BY id
      """)
  List<TimelineEntry> timeline(long incidentId);

  @SqlQuery(
      """
      SELECT * FROM incident
      WHERE (CAST(:status AS VARCHAR(16)) IS NULL OR status = :status)
        AND (CAST(:active AS BOOLEAN) IS NULL OR (status <> 'RESOLVED') = :active)
        AND (CAST(:severity AS VARCHAR(8)) IS NULL OR severity = :severity)
        AND (CAST(:subject AS VARCHAR(1000)) IS NULL OR subject = :subject
             OR impact LIKE :impactPattern)
        AND (CAST(:owner AS VARCHAR(1000)) IS NULL OR owner = :owner)
        AND (CAST(:consumerPattern AS VARCHAR(1000)) IS NULL OR consumers LIKE :consumerPattern)
        AND (CAST(:since AS TIMESTAMP WITH TIME ZONE) IS NULL OR detected_at >= :since)
        AND (CAST(:until AS TIMESTAMP WITH TIME ZONE) IS NULL OR detected_at < :until)
      ORDER BY id DESC LIMIT :limit OFFSET :offset
      """)
  List<TrackedIncident> list(
      String status,
      Boolean active,
      String severity,
      String subject,
      String impactPattern,
      String owner,
      String consumerPattern,
      Instant since,
      Instant until,
      int limit,
      int offset);
}
