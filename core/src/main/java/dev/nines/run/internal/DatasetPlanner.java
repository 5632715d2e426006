package dev.nines.run.internal;

import dev.nines.check.CheckContext;
import dev.nines.check.CheckException;
import dev.nines.check.CheckPlan;
import dev.nines.check.CheckType;
import dev.nines.check.CheckTypes;
import dev.nines.check.RunnableCheckType;
import dev.nines.dialect.Dialect;
import dev.nines.dialect.HolisticPlacement;
import dev.nines.dialect.Relation;
import dev.nines.dialect.UnsupportedFeatureException;
import dev.nines.observation.ErrorCategory;
import dev.nines.run.History;
import dev.nines.source.Catalog;
import dev.nines.source.SourceException;
import dev.nines.source.TableSchema;
import dev.nines.source.UniqueKey;
import dev.nines.spec.CheckSpec;
import dev.nines.spec.DatasetSpec;
import dev.nines.spec.Identifiers;
import dev.nines.spec.SourceSpec;
import dev.nines.spec.Spec;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Turns a dataset's checks into plans and groups their aggregates into shared scans. */
public final class DatasetPlanner {
  private final Spec spec;
  private final CheckTypes checkTypes;
  private final History history;

  public DatasetPlanner(Spec spec, CheckTypes checkTypes, History history) {
    this.spec = spec;
    this.checkTypes = checkTypes;
    this.history = history;
  }

  /** The relation a dataset reads, with names as written in the spec. */
  static Relation relationOf(DatasetSpec dataset) {
    if (dataset.table() != null) {
      return new Relation.Table(Identifiers.split(dataset.table()));
    }
    if (dataset.query() != null) {
      return new Relation.Query(dataset.query());
    }
    if (dataset.file() != null) {
      return new Relation.File(dataset.file());
    }
    throw new CheckException(
        ErrorCategory.INTERNAL, "dataset " + dataset.name() + " has no table, query or file");
  }

  /** The name a check is known by. */
  public String nameOf(CheckSpec check) {
    if (check.name() != null && !check.name().isBlank()) {
      return check.name();
    }
    return checkTypes.find(check.type()).map(type -> type.defaultName(check)).orElse(check.type());
  }

  List<PlannedCheck> plan(
      DatasetSpec dataset,
      SourceSpec source,
      Dialect dialect,
      TableSchema schema,
      boolean lenient,
      Connection connection,
      Catalog catalog,
      Instant now) {
    Map<String, CheckContext.OtherDataset> others = new HashMap<>();
    Supplier<List<UniqueKey>> uniqueKeys =
        once(
            () ->
                lenient || connection == null
                    ? List.of()
                    : catalog.uniqueKeys(connection, schema.relation(), source.queryTimeout()));
    List<PlannedCheck> planned = new ArrayList<>();
    for (CheckSpec check : dataset.checks()) {
      String name = nameOf(check);
      Optional<String> filter = and(dataset.where(), check.where());
      Duration timeout = check.timeout() != null ? check.timeout() : source.queryTimeout();
      Optional<CheckType> type = checkTypes.find(check.type());
      if (type.isEmpty() || !(type.get() instanceof RunnableCheckType runnable)) {
        planned.add(
            new PlannedCheck(
                check,
                null,
                name,
                filter,
                timeout,
                null,
                new CheckException(
                    ErrorCategory.INTERNAL, "unknown check type '" + check.type() + "'")));
        continue;
      }
      DatasetContext context =
          new DatasetContext(
              dataset.name(),
              name,
              dialect,
              schema,
              lenient,
              filter,
              source.timezone(),
              now,
              history,
              other ->
                  others.computeIfAbsent(
                      other,
                      key -> otherDataset(key, source, dialect, connection, catalog, lenient)),
              uniqueKeys);
      try {
        CheckPlan plan = runnable.plan(check, context);
        planned.add(new PlannedCheck(check, runnable, name, filter, timeout, plan, null));
      } catch (CheckException e) {
        planned.add(new PlannedCheck(check, runnable, name, filter, timeout, null, e));
      } catch (UnsupportedFeatureException e) {
        planned.add(
            new PlannedCheck(
                check,
                runnable,
                name,
                filter,
                timeout,
                null,
                new CheckException(ErrorCategory.UNSUPPORTED, e.getMessage())));
      } catch (SourceException e) {
        planned.add(
            new PlannedCheck(
                check,
                runnable,
                name,
                filter,
                timeout,
                null,
                new CheckException(e.category(), e.getMessage())));
      }
    }
    return planned;
  }

  /** The shared scans with every aggregate in the one query per filter. */
  static List<SharedScan> scans(List<PlannedCheck> checks) {
    return scans(checks, HolisticPlacement.SHARED_SCAN);
  }

  /**
   * The shared scans: one per distinct filter for the running totals (counts, sums, min, max), and
   * for the holistic aggregates (distinct counts, percentiles) wherever the dialect computes them
   * fastest: in that scan, in one more query per filter, or in a query each. Equal expressions
   * under one filter are computed once either way.
   */
  static List<SharedScan> scans(List<PlannedCheck> checks, HolisticPlacement placement) {
    Map<Optional<String>, SharedScan> runningTotals = new LinkedHashMap<>();
    Map<List<Object>, SharedScan> holistic = new LinkedHashMap<>();
    for (PlannedCheck check : checks) {
      if (!check.runnable() || check.plan().aggregates().isEmpty()) {
        continue;
      }
      Set<String> apart =
          placement == HolisticPlacement.SHARED_SCAN ? Set.of() : check.plan().holistic();
      List<String> together = new ArrayList<>();
      for (Map.Entry<String, String> aggregate : check.plan().aggregates().entrySet()) {
        String key = aggregate.getKey();
        if (!apart.contains(key)) {
          together.add(key);
          continue;
        }
        List<Object> group =
            placement == HolisticPlacement.QUERY_EACH
                ? List.of(check.filter(), aggregate.getValue())
                : List.of(check.filter());
        holistic
            .computeIfAbsent(group, g -> new SharedScan(check.filter(), SharedScan.HOLISTIC))
            .add(check, List.of(key));
      }
      if (!together.isEmpty()) {
        runningTotals.computeIfAbsent(check.filter(), SharedScan::new).add(check, together);
      }
    }
    List<SharedScan> scans = new ArrayList<>(runningTotals.values());
    scans.addAll(holistic.values());
    return List.copyOf(scans);
  }

  private CheckContext.OtherDataset otherDataset(
      String name,
      SourceSpec source,
      Dialect dialect,
      Connection connection,
      Catalog catalog,
      boolean lenient) {
    DatasetSpec other = spec.datasets().get(name);
    if (other == null) {
      throw new CheckException(
          ErrorCategory.INTERNAL, "there is no dataset named '" + name + "' in the spec");
    }
    if (!source.name().equals(other.source())) {
      throw new CheckException(
          ErrorCategory.UNSUPPORTED,
          "dataset "
              + name
              + " is on source "
              + other.source()
              + ", not "
              + source.name()
              + ": a reference check needs both datasets on the same source");
    }
    Relation relation = relationOf(other);
    TableSchema schema;
    if (lenient) {
      schema = new TableSchema(relation, List.of());
    } else {
      try {
        schema = catalog.describe(connection, relation, source.queryTimeout());
      } catch (SourceException e) {
        throw new CheckException(
            e.category(), "referenced dataset " + name + ": " + e.getMessage());
      }
    }
    TableSchema resolved = schema;
    return new CheckContext.OtherDataset() {
      @Override
      public String from(String alias) {
        return dialect.from(resolved.relation(), alias);
      }

      @Override
      public String quoted(String column) {
        return resolved
            .column(column)
            .map(found -> dialect.quote(found.name()))
            .orElseGet(
                () -> {
                  if (lenient) {
                    return dialect.quote(column);
                  }
                  throw new CheckException(
                      ErrorCategory.MISSING_COLUMN,
                      "column " + column + " does not exist in referenced dataset " + name);
                });
      }
    };
  }

  /** A supplier asked at most once; planning runs on one thread. */
  private static <T> Supplier<T> once(Supplier<T> supplier) {
    List<T> memo = new ArrayList<>(1);
    return () -> {
      if (memo.isEmpty()) {
        memo.add(supplier.get());
      }
      return memo.get(0);
    };
  }

  private static Optional<String> and(String first, String second) {
    boolean hasFirst = first != null && !first.isBlank();
    boolean hasSecond = second != null && !second.isBlank();
    if (hasFirst && hasSecond) {
      return Optional.of("(" + first.strip() + ") AND (" + second.strip() + ")");
    }
    if (hasFirst) {
      return Optional.of(first.strip());
    }
    return hasSecond ? Optional.of(second.strip()) : Optional.empty();
  }
}
