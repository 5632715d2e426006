package dev.nines.store.internal;

import dev.nines.observation.SchemaSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The columns each dataset had over time. */
@RegisterConstructorMapper(SchemaSnapshot.class)
public interface SchemaSnapshotDao {
  @SqlBatch(
      """
      INSERT INTO schema_snapshot (run_id, dataset, columns_json, taken_at)
      VALUES (:runId, :dataset, :columns, :takenAt)
      """)
  void insert(@BindMethods List<SchemaSnapshotRow> rows);

  @SqlQuery(
      """
      SELECT dataset, columns_json AS "columns", taken_at
      FROM schema_snapshot
      WHERE dataset = :dataset
      ORDER BY taken_at DESC, id DESC
      LIMIT 1
      """)
  Optional<SchemaSnapshot> latest(String dataset);

  /** A dataset's snapshots taken before {@code until}, newest first. */
  @SqlQuery(
      """
      SELECT dataset, columns_json AS "columns", taken_at
      FROM schema_snapshot
      WHERE dataset = :dataset AND taken_at < :until
      ORDER BY taken_at DESC, id DESC
      LIMIT :limit
      """)
  List<SchemaSnapshot> takenBefore(String dataset, Instant until, int limit);

  /** Deletes snapshots taken before {@code cutoff}, except each dataset's newest one. */
  @SqlUpdate(
      """
      DELETE FROM schema_snapshot
      WHERE taken_at < :cutoff
        AND EXISTS (
          SELECT 1 FROM schema_snapshot newer
          WHERE newer.dataset = schema_snapshot.dataset
            AND (newer.taken_at > schema_snapshot.taken_at
                 OR (newer.taken_at = schema_snapshot.taken_at AND newer.id > schema_snapshot.id)))
      """)
  int deleteTakenBeforeExceptNewest(Instant cutoff);
}
