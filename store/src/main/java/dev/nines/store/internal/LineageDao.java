package dev.nines.store.internal;

import dev.nines.observation.Observation;
import dev.nines.store.JobSeen;
import dev.nines.store.LineageEventRecord;
import dev.nines.store.PipelineRunRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Lineage events, the pipeline runs derived from them, and the facts their facets carried. */
public interface LineageDao {
  String RUN_COLUMNS =
      """
      SELECT run_id, job_namespace, job_name, parent_run_id, state, nominal_start, nominal_end,
             started_at, ended_at, duration_ms AS duration, error_message, stack_trace,
             rows_written, event_count, last_event_at
      FROM pipeline_run
      """;

  @SqlUpdate(
      """
      INSERT INTO lineage_event
          (event_key, event_kind, run_id, event_type, event_time, job_namespace, job_name,
           parent_run_id, nominal_start, nominal_end, error_message, stack_trace, rows_written,
           producer, received_at, payload)
      VALUES
          (:key, :e.kind, CAST(:e.runId AS UUID), :e.eventType, :e.eventTime, :e.jobNamespace, :e.jobName,
           CAST(:e.parentRunId AS UUID), :e.nominalStart, :e.nominalEnd, :e.errorMessage, :e.stackTrace,
           :e.rowsWritten, :e.producer, :receivedAt, :e.payload)
      """)
  void insertEvent(
      @Bind("key") String key, @BindMethods("e") LineageEventRecord event, Instant receivedAt);

  @SqlBatch(
      """
      INSERT INTO lineage_event
          (event_key, event_kind, run_id, event_type, event_time, job_namespace, job_name,
           parent_run_id, nominal_start, nominal_end, error_message, stack_trace, rows_written,
           producer, received_at, payload)
      VALUES
          (:key, :e.kind, CAST(:e.runId AS UUID), :e.eventType, :e.eventTime, :e.jobNamespace,
           :e.jobName, CAST(:e.parentRunId AS UUID), :e.nominalStart, :e.nominalEnd,
           :e.errorMessage, :e.stackTrace, :e.rowsWritten, :e.producer, :receivedAt, :e.payload)
      """)
  void insertEvents(
      @Bind("key") List<String> keys,
      @BindMethods("e") List<LineageEventRecord> events,
      @Bind("receivedAt") List<Instant> receivedAt);

  @SqlQuery("SELECT event_key FROM lineage_event WHERE event_key IN (<keys>)")
  List<String> existingKeys(@BindList("keys") List<String> keys);

  @SqlQuery(
      """
      SELECT event_type, event_time, job_namespace, job_name, parent_run_id, nominal_start,
             nominal_end, error_message, stack_trace, rows_written
      FROM lineage_event
      WHERE run_id = :runId AND event_kind = 'RUN'
      ORDER BY event_time, id
      """)
  @RegisterConstructorMapper(EventFacts.class)
  List<EventFacts> eventsOfRun(UUID runId);

  @SqlQuery("SELECT run_id FROM pipeline_run WHERE run_id = :runId FOR UPDATE")
  Optional<UUID> lockRun(UUID runId);

  /** Locks the existing rows of these runs, in one order so two writers cannot deadlock. */
  @SqlQuery("SELECT run_id FROM pipeline_run WHERE run_id IN (<runIds>) ORDER BY run_id FOR UPDATE")
  List<UUID> lockRuns(@BindList("runIds") List<UUID> runIds);

  /**
   * Locks the existing rows of these runs and reads them, in one order so two writers cannot
   * deadlock.
   */
  @SqlQuery(RUN_COLUMNS + "WHERE run_id IN (<runIds>) ORDER BY run_id FOR UPDATE")
  @RegisterConstructorMapper(PipelineRunRecord.class)
  List<PipelineRunRecord> lockRunRows(@BindList("runIds") List<UUID> runIds);

  @SqlQuery(
      """
      SELECT run_id, event_type, event_time, job_namespace, job_name, parent_run_id, nominal_start,
             nominal_end, error_message, stack_trace, rows_written
      FROM lineage_event
      WHERE run_id IN (<runIds>) AND event_kind = 'RUN'
      ORDER BY run_id, event_time, id
      """)
  @RegisterConstructorMapper(RunEventFacts.class)
  List<RunEventFacts> eventsOfRuns(@BindList("runIds") List<UUID> runIds);

  @SqlUpdate(
      """
      INSERT INTO pipeline_run
          (run_id, job_namespace, job_name, parent_run_id, state, nominal_start, nominal_end,
           started_at, ended_at, duration_ms, error_message, stack_trace, rows_written,
           event_count, last_event_at, updated_at)
      VALUES
          (:r.runId, :r.jobNamespace, :r.jobName, CAST(:r.parentRunId AS UUID), :r.state, :r.nominalStart,
           :r.nominalEnd, :r.startedAt, :r.endedAt, :durationMillis, :r.errorMessage,
           :r.stackTrace, :r.rowsWritten, :r.eventCount, :r.lastEventAt, :updatedAt)
      """)
  void insertRun(@BindMethods("r") PipelineRunRecord run, Long durationMillis, Instant updatedAt);

  @SqlUpdate(
      """
      UPDATE pipeline_run SET
          job_namespace = :r.jobNamespace, job_name = :r.jobName, parent_run_id = CAST(:r.parentRunId AS UUID),
          state = :r.state, nominal_start = :r.nominalStart, nominal_end = :r.nominalEnd,
          started_at = :r.startedAt, ended_at = :r.endedAt, duration_ms = :durationMillis,
          error_message = :r.errorMessage, stack_trace = :r.stackTrace,
          rows_written = :r.rowsWritten, event_count = :r.eventCount,
          last_event_at = :r.lastEventAt, updated_at = :updatedAt
      WHERE run_id = :r.runId
      """)
  void updateRun(@BindMethods("r") PipelineRunRecord run, Long durationMillis, Instant updatedAt);

  @SqlBatch(
      """
      INSERT INTO pipeline_run
          (run_id, job_namespace, job_name, parent_run_id, state, nominal_start, nominal_end,
           started_at, ended_at, duration_ms, error_message, stack_trace, rows_written,
           event_count, last_event_at, updated_at)
      VALUES
          (:r.runId, :r.jobNamespace, :r.jobName, CAST(:r.parentRunId AS UUID), :r.state,
           :r.nominalStart, :r.nominalEnd, :r.startedAt, :r.endedAt, :r.durationMillis,
           :r.errorMessage, :r.stackTrace, :r.rowsWritten, :r.eventCount, :r.lastEventAt,
           :updatedAt)
      """)
  void insertRuns(@BindMethods("r") List<DerivedRun> runs, Instant updatedAt);

  @SqlBatch(
      """
      UPDATE pipeline_run SET
          job_namespace = :r.jobNamespace, job_name = :r.jobName,
          parent_run_id = CAST(:r.parentRunId AS UUID), state = :r.state,
          nominal_start = :r.nominalStart, nominal_end = :r.nominalEnd,
          started_at = :r.startedAt, ended_at = :r.endedAt, duration_ms = :r.durationMillis,
          error_message = :r.errorMessage, stack_trace = :r.stackTrace,
          rows_written = :r.rowsWritten, event_count = :r.eventCount,
          last_event_at = :r.lastEventAt, updated_at = :updatedAt
      WHERE run_id = :r.runId
      """)
  void updateRuns(@BindMethods("r") List<DerivedRun> runs, Instant updatedAt);

  @SqlQuery(RUN_COLUMNS + "WHERE run_id = :runId")
  @RegisterConstructorMapper(PipelineRunRecord.class)
  Optional<PipelineRunRecord> run(UUID runId);

  /** Runs of any of the jobs, newest first; a bare name matches it in any namespace. */
  @SqlQuery(
      RUN_COLUMNS
          + """
          WHERE CONCAT(job_namespace, '/', job_name) IN (<qualified>) OR job_name IN (<bare>)
          ORDER BY COALESCE(started_at, last_event_at) DESC, run_id
          LIMIT :limit OFFSET :offset
          """)
  @RegisterConstructorMapper(PipelineRunRecord.class)
  List<PipelineRunRecord> runsOfJobs(
      @BindList("qualified") List<String> qualified,
      @BindList("bare") List<String> bare,
      int limit,
      int offset);

  /**
   * Runs whose events reported rows written to the dataset (an outputStatistics facet, the one
   * facet only outputs carry), newest first.
   */
  @SqlQuery(
      RUN_COLUMNS
          + """
          WHERE run_id IN (
            SELECT pipeline_run_id FROM measurement
            WHERE dataset = :dataset AND check_name = 'outputStatistics'
              AND pipeline_run_id IS NOT NULL AND measured_at >= :since)
          ORDER BY COALESCE(started_at, last_event_at) DESC, run_id
          LIMIT :limit
          """)
  @RegisterConstructorMapper(PipelineRunRecord.class)
  List<PipelineRunRecord> runsWriting(String dataset, Instant since, int limit);

  @SqlQuery(
      """
      SELECT job_namespace, job_name, COUNT(*) AS runs, MAX(last_event_at) AS last_event_at
      FROM pipeline_run
      GROUP BY job_namespace, job_name
      ORDER BY job_name, job_namespace
      """)
  @RegisterConstructorMapper(JobSeen.class)
  List<JobSeen> jobs();

  @SqlBatch(
      """
      INSERT INTO measurement
          (pipeline_run_id, dataset, check_name, metric, metric_value, measured_at)
      VALUES (CAST(:pipelineRunId AS UUID), :dataset, :check, :metric, :value, :measuredAt)
      """)
  void insertMeasurements(UUID pipelineRunId, @BindMethods List<MeasurementRow> rows);

  @SqlBatch(
      """
      INSERT INTO observation (
          pipeline_run_id, dataset, check_name, check_type, status, kind, error_category,
          metric_value, expectation, message, details, queries, observed_at, elapsed_ms)
      VALUES (
          CAST(:pipelineRunId AS UUID), :dataset, :check, :checkType, :status, :kind, :errorCategory, :value,
          :expectation, :message, :details, :queries, :observedAt, :elapsedMillis)
      """)
  void insertObservations(UUID pipelineRunId, @BindMethods List<ObservationRow> rows);

  @SqlBatch(
      """
      INSERT INTO schema_snapshot (pipeline_run_id, dataset, columns_json, taken_at)
      VALUES (CAST(:pipelineRunId AS UUID), :dataset, :columns, :takenAt)
      """)
  void insertSchemas(UUID pipelineRunId, @BindMethods List<SchemaSnapshotRow> rows);

  /** Measurements of many events at once; {@code runs} holds each row's pipeline run. */
  @SqlBatch(
      """
      INSERT INTO measurement
          (pipeline_run_id, dataset, check_name, metric, metric_value, measured_at)
      VALUES (CAST(:p.id AS UUID), :dataset, :check, :metric, :value, :measuredAt)
      """)
  void insertMeasurementsOfRuns(
      @BindMethods("p") List<RunRef> runs, @BindMethods List<MeasurementRow> rows);

  @SqlBatch(
      """
      INSERT INTO observation (
          pipeline_run_id, dataset, check_name, check_type, status, kind, error_category,
          metric_value, expectation, message, details, queries, observed_at, elapsed_ms)
      VALUES (
          CAST(:p.id AS UUID), :dataset, :check, :checkType, :status, :kind, :errorCategory,
          :value, :expectation, :message, :details, :queries, :observedAt, :elapsedMillis)
      """)
  void insertObservationsOfRuns(
      @BindMethods("p") List<RunRef> runs, @BindMethods List<ObservationRow> rows);

  @SqlBatch(
      """
      INSERT INTO schema_snapshot (pipeline_run_id, dataset, columns_json, taken_at)
      VALUES (CAST(:p.id AS UUID), :dataset, :columns, :takenAt)
      """)
  void insertSchemasOfRuns(
      @BindMethods("p") List<RunRef> runs, @BindMethods List<SchemaSnapshotRow> rows);

  /** Observations of every dataset or one, newest first; null filters are not applied. */
  @SqlQuery(
      """
      SELECT dataset, check_name AS "check", check_type, status, kind, error_category,
             metric_value AS "value", expectation, message, details, queries, observed_at,
             elapsed_ms AS elapsed
      FROM observation
      WHERE (CAST(:dataset AS VARCHAR(1000)) IS NULL OR dataset = :dataset)
        AND (CAST(:status AS VARCHAR(8)) IS NULL OR status = :status)
        AND (CAST(:since AS TIMESTAMP WITH TIME ZONE) IS NULL OR observed_at >= :since)
      ORDER BY observed_at DESC, id DESC
      LIMIT :limit OFFSET :offset
      """)
  @RegisterConstructorMapper(Observation.class)
  List<Observation> observations(
      String dataset, String status, Instant since, int limit, int offset);

  @SqlQuery("SELECT DISTINCT dataset FROM observation ORDER BY dataset")
  List<String> observedDatasets();
}
