package dev.nines.store.internal;

import dev.nines.store.SliEvent;
import dev.nines.store.SloBucket;
import dev.nines.store.SloEvaluationRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.result.ResultIterable;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.FetchSize;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SLO aggregates: the observation log read as SLI events, buckets, and last evaluations. */
@RegisterConstructorMapper(SliEvent.class)
@RegisterConstructorMapper(SloBucket.class)
@RegisterConstructorMapper(SloEvaluationRecord.class)
public interface SloAggregateDao {
  String EVENT =
      """
      SELECT id, dataset, check_name AS "check", check_type, status, metric_value AS "value",
             observed_at
      FROM observation
      """;

  @SqlQuery(EVENT + " WHERE id > :after ORDER BY id LIMIT :limit")
  List<SliEvent> eventsAfter(long after, int limit);

  @SqlQuery(
      EVENT + " WHERE dataset = :dataset AND observed_at >= :since AND id <= :upTo ORDER BY id")
  List<SliEvent> history(String dataset, Instant since, long upTo);

  @SqlQuery(
      EVENT
          + " WHERE dataset = :dataset AND observed_at >= :from AND observed_at < :to ORDER BY id")
  List<SliEvent> between(String dataset, Instant from, Instant to);

  @SqlQuery(
      EVENT
          + " WHERE dataset = :dataset AND check_type = :checkType AND observed_at >= :from"
          + " AND observed_at < :to ORDER BY observed_at, id")
  List<SliEvent> ofTypeBetween(String dataset, String checkType, Instant from, Instant to);

  /** A measurement read as an SLI event: its check is the metric's name, its status PASS. */
  String MEASUREMENT =
      """
      SELECT id, dataset, metric AS "check", 'measurement' AS check_type, 'PASS' AS status,
             metric_value AS "value", measured_at AS observed_at
      FROM measurement
      """;

  @SqlQuery("SELECT COALESCE(MAX(id), 0) FROM measurement")
  long newestMeasurement();

  @SqlQuery(MEASUREMENT + " WHERE id > :after ORDER BY id LIMIT :limit")
  List<SliEvent> measurementsAfter(long after, int limit);

  @SqlQuery(
      MEASUREMENT
          + " WHERE dataset = :dataset AND measured_at >= :since AND id <= :upTo ORDER BY id")
  List<SliEvent> measurementHistory(String dataset, Instant since, long upTo);

  @SqlQuery(
      MEASUREMENT
          + " WHERE dataset = :dataset AND measured_at >= :from AND measured_at < :to ORDER BY id")
  List<SliEvent> measurementsBetween(String dataset, Instant from, Instant to);

  @SqlQuery(
      """
      SELECT slo_name AS slo, width_seconds, bucket_number, good, bad, no_data FROM slo_bucket
      WHERE slo_name = :slo ORDER BY width_seconds, bucket_number
      """)
  List<SloBucket> buckets(String slo);

  /**
   * Every bucket row of every SLO, in no order, streamed: one sequential read for a pass that loads
   * many SLOs (one index read per SLO visits a heap page per bucket, the rows of an SLO being
   * spread over the table in the order passes wrote them).
   */
  @SqlQuery(
      "SELECT slo_name AS slo, width_seconds, bucket_number, good, bad, no_data FROM slo_bucket")
  @FetchSize(10_000)
  ResultIterable<SloBucket> allBuckets();

  @SqlQuery("SELECT slo_name, fingerprint FROM slo_aggregate")
  @KeyColumn("slo_name")
  @ValueColumn("fingerprint")
  Map<String, String> fingerprints();

  @SqlBatch(
      """
      UPDATE slo_bucket SET good = good + :good, bad = bad + :bad, no_data = no_data + :noData
      WHERE slo_name = :slo AND width_seconds = :widthSeconds AND bucket_number = :bucketNumber
      """)
  int[] addTo(@BindMethods List<SloBucket> deltas);

  @SqlBatch(
      """
      INSERT INTO slo_bucket (slo_name, width_seconds, bucket_number, good, bad, no_data)
      VALUES (:slo, :widthSeconds, :bucketNumber, :good, :bad, :noData)
      """)
  void insert(@BindMethods List<SloBucket> buckets);

  @SqlUpdate("DELETE FROM slo_bucket WHERE slo_name = :slo")
  int deleteBuckets(String slo);

  @SqlBatch(
      """
      DELETE FROM slo_bucket
      WHERE slo_name = :slo AND width_seconds = :widthSeconds AND bucket_number < :before
      """)
  void deleteBucketsBefore(@Bind("slo") List<String> slos, int widthSeconds, long before);

  @SqlQuery("SELECT fingerprint FROM slo_aggregate WHERE slo_name = :slo")
  Optional<String> fingerprint(String slo);

  @SqlUpdate("DELETE FROM slo_aggregate WHERE slo_name = :slo")
  int deleteAggregate(String slo);

  @SqlUpdate(
      """
      INSERT INTO slo_aggregate (slo_name, fingerprint, built_at)
      VALUES (:slo, :fingerprint, :builtAt)
      """)
  void insertAggregate(String slo, String fingerprint, Instant builtAt);

  @SqlQuery(
      """
      SELECT slo_name AS slo, evaluated_at, alert_level, quiet_passes, status_json
      FROM slo_evaluation
      ORDER BY slo_name
      """)
  List<SloEvaluationRecord> evaluations();

  @SqlUpdate("DELETE FROM slo_evaluation WHERE slo_name = :slo")
  int deleteEvaluation(String slo);

  @SqlBatch(
      """
      INSERT INTO slo_evaluation (slo_name, evaluated_at, alert_level, quiet_passes, status_json)
      VALUES (:slo, :evaluatedAt, :alertLevel, :quietPasses, :statusJson)
      """)
  void insertEvaluations(@BindMethods List<SloEvaluationRecord> evaluations);

  @SqlBatch("DELETE FROM slo_evaluation WHERE slo_name = :slo")
  void deleteEvaluations(@BindMethods List<SloEvaluationRecord> evaluations);
}
