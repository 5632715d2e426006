package dev.nines.store.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;

/** The notifier's tables (V5), its work cursor, and the timeline and incident rows it reads. */
public interface NotifyDao {
  @SqlQuery("SELECT last_position FROM work_cursor WHERE name = :name FOR UPDATE")
  Optional<Long> lockCursor(String name);

  @SqlUpdate("INSERT INTO work_cursor (name, last_position, updated_at) VALUES (:name, 0, :at)")
  void insertCursor(String name, Instant at);

  @SqlUpdate(
      "UPDATE work_cursor SET last_position = :position, updated_at = :at WHERE name = :name")
  void advanceCursor(String name, long position, Instant at);

  @SqlQuery(
      """
      SELECT id, incident_id, happened_at, entry_kind, actor, entry_text
      FROM incident_timeline WHERE id > :position ORDER BY id LIMIT :limit
      """)
  @UseRowMapper(NotifyRows.Timeline.class)
  List<dev.nines.incident.TimelineEntry> timelineAfter(long position, int limit);

  @SqlUpdate(
      """
      INSERT INTO incident_timeline (incident_id, happened_at, entry_kind, actor, entry_text)
      VALUES (:incidentId, :at, :kind, :actor, :text)
      """)
  @GetGeneratedKeys("id")
  long appendTimeline(long incidentId, Instant at, String kind, String actor, String text);

  @SqlQuery(
      """
      SELECT id, incident_key, title, subject_kind, subject, cause, kind, severity, severity_rule,
             status, resolution, owner, consumers, agreements, impact, started_at, detected_at,
             acknowledged_at, resolved_at, last_failure_at, observation_count, last_message
      FROM incident WHERE id = :id
      """)
  @UseRowMapper(NotifyRows.IncidentRow.class)
  Optional<dev.nines.incident.Incident> incident(long id);

  String GROUP_COLUMNS =
      "incident_id, channel, sent_state, sent_severity, last_sent_at, due_at, sequence_no,"
          + " held_until, impact_heard";

  @SqlQuery(
      "SELECT "
          + GROUP_COLUMNS
          + " FROM notify_group WHERE incident_id = :incidentId"
          + " AND channel = :channel")
  @UseRowMapper(NotifyRows.Group.class)
  Optional<dev.nines.notify.GroupState> group(long incidentId, String channel);

  @SqlQuery(
      "SELECT "
          + GROUP_COLUMNS
          + " FROM notify_group WHERE incident_id = :incidentId"
          + " ORDER BY channel")
  @UseRowMapper(NotifyRows.Group.class)
  List<dev.nines.notify.GroupState> groupsOf(long incidentId);

  @SqlQuery(
      "SELECT "
          + GROUP_COLUMNS
          + " FROM notify_group WHERE due_at <= :now"
          + " ORDER BY due_at, incident_id, channel LIMIT :limit FOR UPDATE SKIP LOCKED")
  @UseRowMapper(NotifyRows.Group.class)
  List<dev.nines.notify.GroupState> dueGroups(Instant now, int limit);

  @SqlQuery(
      "SELECT "
          + GROUP_COLUMNS
          + " FROM notify_group WHERE due_at IS NOT NULL"
          + " ORDER BY due_at, incident_id, channel LIMIT :limit")
  @UseRowMapper(NotifyRows.Group.class)
  List<dev.nines.notify.GroupState> waitingGroups(int limit);

  @SqlUpdate(
      """
      UPDATE notify_group SET sent_state = :sent, sent_severity = :severity,
          last_sent_at = :lastSentAt, due_at = :dueAt, sequence_no = :sequence,
          held_until = :heldUntil, impact_heard = :impactHeard, updated_at = :at
      WHERE incident_id = :incidentId AND channel = :channel
      """)
  int updateGroup(
      long incidentId,
      String channel,
      String sent,
      String severity,
      Instant lastSentAt,
      Instant dueAt,
      int sequence,
      Instant heldUntil,
      Integer impactHeard,
      Instant at);

  @SqlUpdate(
      """
      INSERT INTO notify_group (incident_id, channel, sent_state, sent_severity, last_sent_at,
          due_at, sequence_no, held_until, impact_heard, updated_at)
      VALUES (:incidentId, :channel, :sent, :severity, :lastSentAt, :dueAt, :sequence,
          :heldUntil, :impactHeard, :at)
      """)
  void insertGroup(
      long incidentId,
      String channel,
      String sent,
      String severity,
      Instant lastSentAt,
      Instant dueAt,
      int sequence,
      Instant heldUntil,
      Integer impactHeard,
      Instant at);

  @SqlQuery("SELECT COUNT(*) FROM notify_outbox WHERE dedup_key = :dedupKey")
  int countDedup(String dedupKey);

  @SqlUpdate(
      """
      INSERT INTO notify_outbox (dedup_key, incident_ids, channel, action, transport, target,
          headers, subject, body, text_body, status, attempts, created_at, next_attempt_at)
      VALUES (:dedupKey, :incidentIds, :channel, :action, :transport, :target, :headers,
          :subject, :body, :textBody, 'PENDING', 0, :at, :at)
      """)
  void insertOutbox(
      String dedupKey,
      String incidentIds,
      String channel,
      String action,
      String transport,
      String target,
      String headers,
      String subject,
      String body,
      String textBody,
      Instant at);

  String OUTBOX_COLUMNS =
      "id, dedup_key, incident_ids, channel, action, transport, target, headers, subject, body,"
          + " text_body, status, attempts, created_at, next_attempt_at, finished_at, last_error";

  @SqlQuery(
      "SELECT "
          + OUTBOX_COLUMNS
          + " FROM notify_outbox WHERE status = 'PENDING'"
          + " AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until <= :now)"
          + " ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED")
  @UseRowMapper(NotifyRows.Outbox.class)
  List<dev.nines.store.OutboxEntry> due(Instant now, int limit);

  @SqlUpdate(
      "UPDATE notify_outbox SET claimed_until = :until, attempts = attempts + 1"
          + " WHERE id IN (<ids>)")
  void claim(@BindList("ids") List<Long> ids, @Bind("until") Instant until);

  @SqlUpdate(
      "UPDATE notify_outbox SET status = :status, finished_at = :at, claimed_until = NULL,"
          + " last_error = :error WHERE id = :id AND status = 'PENDING'")
  int finish(long id, String status, Instant at, String error);

  @SqlUpdate(
      "UPDATE notify_outbox SET next_attempt_at = :next, claimed_until = NULL,"
          + " last_error = :error WHERE id = :id AND status = 'PENDING'")
  int retry(long id, Instant next, String error);

  @SqlQuery("SELECT " + OUTBOX_COLUMNS + " FROM notify_outbox WHERE id = :id")
  @UseRowMapper(NotifyRows.Outbox.class)
  Optional<dev.nines.store.OutboxEntry> outboxEntry(long id);

  @SqlQuery(
      "SELECT "
          + OUTBOX_COLUMNS
          + " FROM notify_outbox"
          + " WHERE status IN (<statuses>) ORDER BY id DESC LIMIT :limit")
  @UseRowMapper(NotifyRows.Outbox.class)
  List<dev.nines.store.OutboxEntry> outbox(
      @BindList("statuses") List<String> statuses, @Bind("limit") int limit);

  String SILENCE_COLUMNS =
      "id, dataset, pipeline, source, severity, owner, starts_at, ends_at, reason, author,"
          + " created_at";

  @SqlUpdate(
      """
      INSERT INTO silence (dataset, pipeline, source, severity, owner, starts_at, ends_at, reason,
          author, created_at)
      VALUES (:dataset, :pipeline, :source, :severity, :owner, :startsAt, :endsAt, :reason,
          :author, :createdAt)
      """)
  @GetGeneratedKeys("id")
  long insertSilence(
      String dataset,
      String pipeline,
      String source,
      String severity,
      String owner,
      Instant startsAt,
      Instant endsAt,
      String reason,
      String author,
      Instant createdAt);

  @SqlQuery(
      "SELECT "
          + SILENCE_COLUMNS
          + " FROM silence WHERE removed_at IS NULL"
          + " AND ends_at > :now ORDER BY starts_at, id")
  @UseRowMapper(NotifyRows.SilenceRow.class)
  List<dev.nines.notify.Silence> silencesEndingAfter(Instant now);

  @SqlQuery("SELECT " + SILENCE_COLUMNS + " FROM silence WHERE id = :id AND removed_at IS NULL")
  @UseRowMapper(NotifyRows.SilenceRow.class)
  Optional<dev.nines.notify.Silence> silence(long id);

  @SqlUpdate("UPDATE silence SET removed_at = :at WHERE id = :id AND removed_at IS NULL")
  int removeSilence(long id, Instant at);
}
