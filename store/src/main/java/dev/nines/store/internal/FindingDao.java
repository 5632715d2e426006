package dev.nines.store.internal;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The last conclusion of a pipeline watcher under each finding key. */
public interface FindingDao {
  @SqlQuery(
      "SELECT observation_hash FROM pipeline_finding WHERE finding_hash = :findingHash FOR UPDATE")
  Optional<String> lockedObservationHash(String findingHash);

  @SqlUpdate(
      """
      INSERT INTO pipeline_finding (finding_hash, finding_key, observation_hash, updated_at)
      VALUES (:findingHash, :findingKey, :observationHash, :now)
      """)
  void insert(String findingHash, String findingKey, String observationHash, Instant now);

  /** PostgreSQL: 1 when this call created the key, 0 when it existed (waits for its creator). */
  @SqlUpdate(
      """
      INSERT INTO pipeline_finding (finding_hash, finding_key, observation_hash, updated_at)
      VALUES (:findingHash, :findingKey, :observationHash, :now)
      ON CONFLICT (finding_hash) DO NOTHING
      """)
  int insertIfAbsent(String findingHash, String findingKey, String observationHash, Instant now);

  @SqlUpdate(
      """
      UPDATE pipeline_finding SET observation_hash = :observationHash, updated_at = :now
      WHERE finding_hash = :findingHash
      """)
  void update(String findingHash, String observationHash, Instant now);
}
