package dev.nines.store.internal;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** How far a log-tailing worker got; its row is locked while a batch is processed. */
public interface WorkCursorDao {
  /**
   * Creates the cursor at the newest observation when missing: a store that already has history
   * does not turn its past into incidents. The newest id is a scalar subquery: as a filtered
   * aggregate, H2 evaluated the NOT EXISTS once per row of the table.
   */
  @SqlUpdate(
      """
      INSERT INTO work_cursor (name, last_position, updated_at)
      SELECT :name, (SELECT COALESCE(MAX(id), 0) FROM observation), :now
      WHERE NOT EXISTS (SELECT 1 FROM work_cursor WHERE name = :name)
      """)
  int createAtNewestObservation(String name, Instant now);

  /**
   * Creates the cursor at the newest measurement when missing (measurements have their own ids).
   */
  @SqlUpdate(
      """
      INSERT INTO work_cursor (name, last_position, updated_at)
      SELECT :name, (SELECT COALESCE(MAX(id), 0) FROM measurement), :now
      WHERE NOT EXISTS (SELECT 1 FROM work_cursor WHERE name = :name)
      """)
  int createAtNewestMeasurement(String name, Instant now);

  @SqlQuery("SELECT last_position FROM work_cursor WHERE name = :name FOR UPDATE")
  Optional<Long> lock(String name);

  @SqlUpdate(
      "UPDATE work_cursor SET last_position = :position, updated_at = :now WHERE name = :name")
  void advance(String name, long position, Instant now);
}
