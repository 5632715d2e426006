package dev.nines.store.internal;

import dev.nines.observation.Measurement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Measurements: one value of one metric of one check at one time. Newest first on ties by id. */
@RegisterConstructorMapper(Measurement.class)
public interface MeasurementDao {
  String SELECT =
      """
      SELECT dataset, check_name AS "check", metric, metric_value AS "value", measured_at
      FROM measurement
      """;

  @SqlBatch(
      """
      INSERT INTO measurement (run_id, dataset, check_name, metric, metric_value, measured_at)
      VALUES (:runId, :dataset, :check, :metric, :value, :measuredAt)
      """)
  void insert(@BindMethods List<MeasurementRow> rows);

  @SqlQuery(
      SELECT
          + """
          WHERE dataset = :dataset AND check_name = :check AND metric = :metric
          ORDER BY measured_at DESC, id DESC
          LIMIT 1
          """)
  Optional<Measurement> latest(String dataset, String check, String metric);

  @SqlQuery(
      SELECT
          + """
          WHERE dataset = :dataset AND (metric = :metricOrCheck OR check_name = :metricOrCheck)
          ORDER BY measured_at DESC, id DESC
          LIMIT :limit
          """)
  List<Measurement> recent(String dataset, String metricOrCheck, int limit);

  @SqlUpdate(
      """
      DELETE FROM measurement
      WHERE run_id IN (SELECT id FROM check_run WHERE started_at < :cutoff)
      """)
  int deleteOfRunsStartedBefore(Instant cutoff);
}
