package dev.nines.store.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Retention of what pipeline runs left: runs whose last event is older than the cutoff go with
 * their events and facts, except a run still RUNNING and the newest run of each job (the watcher
 * judges the next slot against it).
 */
public interface LineageRetentionDao {
  /** Locks the runs to forget, so no event of theirs is saved while they go. */
  @SqlQuery(
      """
      SELECT run_id FROM pipeline_run old
      WHERE old.last_event_at < :cutoff
        AND old.state <> 'RUNNING'
        AND EXISTS (
          SELECT 1 FROM pipeline_run newer
          WHERE newer.job_namespace = old.job_namespace AND newer.job_name = old.job_name
            AND (COALESCE(newer.started_at, newer.last_event_at)
                     > COALESCE(old.started_at, old.last_event_at)
                 OR (COALESCE(newer.started_at, newer.last_event_at)
                         = COALESCE(old.started_at, old.last_event_at)
                     AND newer.run_id > old.run_id)))
      ORDER BY run_id
      FOR UPDATE
      """)
  List<UUID> lockRunsToForget(Instant cutoff);

  @SqlUpdate("DELETE FROM lineage_event WHERE run_id IN (<runIds>)")
  int deleteEventsOfRuns(@BindList("runIds") List<UUID> runIds);

  @SqlUpdate("DELETE FROM measurement WHERE pipeline_run_id IN (<runIds>)")
  int deleteMeasurementsOfRuns(@BindList("runIds") List<UUID> runIds);

  @SqlUpdate("DELETE FROM observation WHERE pipeline_run_id IN (<runIds>)")
  int deleteObservationsOfRuns(@BindList("runIds") List<UUID> runIds);

  @SqlUpdate("DELETE FROM pipeline_run WHERE run_id IN (<runIds>)")
  int deleteRuns(@BindList("runIds") List<UUID> runIds);

  /** Dataset and job events, which belong to no run. */
  @SqlUpdate("DELETE FROM lineage_event WHERE run_id IS NULL AND event_time < :cutoff")
  int deleteRunlessEventsBefore(Instant cutoff);

  /** Measurements of no check run and no pipeline run (those of dataset events). */
  @SqlUpdate(
      """
      DELETE FROM measurement
      WHERE run_id IS NULL AND pipeline_run_id IS NULL AND measured_at < :cutoff
      """)
  int deleteRunlessMeasurementsBefore(Instant cutoff);

  /** Observations of no check run and no pipeline run (a missed slot, a dataset event's). */
  @SqlUpdate(
      """
      DELETE FROM observation
      WHERE run_id IS NULL AND pipeline_run_id IS NULL AND observed_at < :cutoff
      """)
  int deleteRunlessObservationsBefore(Instant cutoff);

  /**
   * Conclusions last changed before the cutoff: their slots and runs are past the watcher's view.
   */
  @SqlUpdate("DELETE FROM pipeline_finding WHERE updated_at < :cutoff")
  int deleteFindingsBefore(Instant cutoff);
}
