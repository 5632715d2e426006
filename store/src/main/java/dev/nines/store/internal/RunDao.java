package dev.nines.store.internal;

import dev.nines.store.DeletedHistory;
import dev.nines.store.RunSummary;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.CreateSqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Check runs, and the writes that span a run and everything it produced. */
public interface RunDao {
  @CreateSqlObject
  ObservationDao observations();

  @CreateSqlObject
  MeasurementDao measurements();

  @CreateSqlObject
  SchemaSnapshotDao schemaSnapshots();

  @CreateSqlObject
  LineageRetentionDao lineageRetention();

  /** Runs deleted per statement: bounds the IN lists. */
  int RETENTION_CHUNK = 512;

  @SqlUpdate(
      """
      INSERT INTO check_run
          (id, started_at, finished_at, spec_files, passed, warned, failed, errors, exit_code)
      VALUES
          (:id, :startedAt, :finishedAt, :specFiles, :passed, :warned, :failed, :errors, :exitCode)
      """)
  void insert(@BindMethods RunRow run);

  @SqlQuery(
      """
      SELECT id AS run_id, started_at, finished_at, spec_files, passed, warned, failed, errors,
             exit_code
      FROM check_run
      ORDER BY started_at DESC, id DESC
      LIMIT :limit
      """)
  @RegisterConstructorMapper(RunSummary.class)
  List<RunSummary> newest(int limit);

  @SqlUpdate("DELETE FROM check_run WHERE started_at < :cutoff")
  int deleteStartedBefore(Instant cutoff);

  /** Saves a run with its observations, measurements and schema snapshots: all or nothing. */
  @Transaction
  default void save(
      RunRow run,
      List<ObservationRow> observations,
      List<MeasurementRow> measurements,
      List<SchemaSnapshotRow> schemaSnapshots) {
    insert(run);
    if (!observations.isEmpty()) {
      observations().insert(observations);
    }
    if (!measurements.isEmpty()) {
      measurements().insert(measurements);
    }
    if (!schemaSnapshots.isEmpty()) {
      schemaSnapshots().insert(schemaSnapshots);
    }
  }

  /**
   * Deletes check runs started before {@code cutoff} with their observations and measurements,
   * older schema snapshots except each dataset's newest, and pipeline runs whose last event is
   * older with their events and facts (see {@link LineageRetentionDao}).
   */
  @Transaction
  default DeletedHistory deleteOlderThan(Instant cutoff) {
    int observations = observations().deleteOfRunsStartedBefore(cutoff);
    int measurements = measurements().deleteOfRunsStartedBefore(cutoff);
    int snapshots = schemaSnapshots().deleteTakenBeforeExceptNewest(cutoff);
    int runs = deleteStartedBefore(cutoff);
    LineageRetentionDao lineage = lineageRetention();
    List<UUID> pipelineRunIds = lineage.lockRunsToForget(cutoff);
    int pipelineRuns = 0;
    int events = 0;
    for (int from = 0; from < pipelineRunIds.size(); from += RETENTION_CHUNK) {
      List<UUID> chunk =
          pipelineRunIds.subList(from, Math.min(pipelineRunIds.size(), from + RETENTION_CHUNK));
      events += lineage.deleteEventsOfRuns(chunk);
      measurements += lineage.deleteMeasurementsOfRuns(chunk);
      observations += lineage.deleteObservationsOfRuns(chunk);
      pipelineRuns += lineage.deleteRuns(chunk);
    }
    events += lineage.deleteRunlessEventsBefore(cutoff);
    measurements += lineage.deleteRunlessMeasurementsBefore(cutoff);
    observations += lineage.deleteRunlessObservationsBefore(cutoff);
    int findings = lineage.deleteFindingsBefore(cutoff);
    return new DeletedHistory(
        runs, observations, measurements, snapshots, pipelineRuns, events, findings);
  }
}
