package dev.nines.store.internal;

import dev.nines.observation.Observation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Observations, newest first. The SQL lives in {@code ObservationDao/<method>.sql} beside this
 * class: the column lists are long.
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(Observation.class)
public interface ObservationDao {
  @SqlBatch
  void insert(@BindMethods List<ObservationRow> rows);

  /** {@code status} and {@code since} may be null: no filter on them. */
  @SqlQuery
  List<Observation> ofDataset(String dataset, String status, Instant since, int limit);

  @SqlQuery
  List<Observation> ofRun(UUID runId);

  @SqlUpdate
  int deleteOfRunsStartedBefore(Instant cutoff);
}
