package dev.nines.run.internal;

import dev.nines.check.CheckPlan;
import dev.nines.dialect.Relation;
import dev.nines.run.DatasetPlan;
import dev.nines.source.Catalog;
import dev.nines.source.SourceException;
import dev.nines.source.SourcePool;
import dev.nines.source.SqlExecutor;
import dev.nines.source.TableSchema;
import dev.nines.spec.DatasetSpec;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The SQL a run would send for one dataset; reads the catalog when it can, never scans. */
public final class DatasetExplainer {
  private final DatasetPlanner planner;
  private final SqlExecutor executor;
  private final Clock clock;

  public DatasetExplainer(DatasetPlanner planner, SqlExecutor executor, Clock clock) {
    this.planner = planner;
    this.executor = executor;
    this.clock = clock;
  }

  public DatasetPlan explain(DatasetSpec dataset, SourcePool pool) {
    List<String> notes = new ArrayList<>();
    Relation relation = DatasetPlanner.relationOf(dataset);
    Catalog catalog = new Catalog(pool.dialect(), pool.source(), executor);
    Connection connection = null;
    TableSchema schema;
    boolean lenient = false;
    try {
      connection = pool.connect();
      schema = catalog.describe(connection, relation, pool.source().queryTimeout());
      notes.add("columns of " + DatasetContext.describe(relation) + " read from the catalog");
    } catch (SourceException e) {
      notes.add(
          "could not read the catalog ("
              + e.category()
              + ": "
              + e.getMessage()
              + "); names are shown as written in the spec");
      schema = new TableSchema(relation, List.of());
      lenient = true;
    }
    try {
      List<PlannedCheck> checks =
          planner.plan(
              dataset,
              pool.source(),
              pool.dialect(),
              schema,
              lenient,
              connection,
              catalog,
              clock.instant());
      List<DatasetPlan.PlannedQuery> queries = new ArrayList<>();
      for (SharedScan scan : DatasetPlanner.scans(checks, pool.dialect().holisticPlacement())) {
        queries.add(
            new DatasetPlan.PlannedQuery(
                scan.purpose(),
                scan.checks().stream().map(PlannedCheck::name).toList(),
                scan.sql(pool.dialect(), schema.relation())));
      }
      for (PlannedCheck check : checks) {
        if (!check.runnable()) {
          notes.add(
              "check "
                  + check.name()
                  + " cannot run ("
                  + check.problem().category()
                  + "): "
                  + check.problem().getMessage());
          continue;
        }
        for (CheckPlan.CheckQuery query : check.plan().queries()) {
          queries.add(
              new DatasetPlan.PlannedQuery(query.purpose(), List.of(check.name()), query.sql()));
        }
        if (check.plan().samples() != null) {
          queries.add(
              new DatasetPlan.PlannedQuery(
                  check.plan().samples().label() + " (only when it warns or fails)",
                  List.of(check.name()),
                  check.plan().samples().sql()));
        }
        if (check.type().catalogOnly()) {
          notes.add("check " + check.name() + " reads the catalog only");
        }
      }
      return new DatasetPlan(dataset.name(), dataset.source(), queries, notes);
    } finally {
      if (connection != null) {
        try {
          connection.close();
        } catch (java.sql.SQLException ignored) {
          // Nothing was changed on it.
        }
      }
    }
  }
}
