package dev.nines.run.internal;

import dev.nines.check.CheckContext;
import dev.nines.dialect.Dialect;
import dev.nines.dialect.Relation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One aggregate query computing aggregates of several checks under one filter. Equal expressions
 * (e.g. COUNT(*) of row_count and missing) are computed once. A check may have some of its
 * aggregates here and others in another scan (see {@link DatasetPlanner#scans}).
 */
final class SharedScan {
  static final String RUNNING_TOTALS = "shared scan";
  static final String HOLISTIC = "shared scan: distinct counts and percentiles";

  private final Map<String, String> aliasByExpression = new LinkedHashMap<>();
  private final List<PlannedCheck> checks = new ArrayList<>();
  private final List<Set<String>> keysOfChecks = new ArrayList<>();
  private final Optional<String> filter;
  private final String purpose;

  SharedScan(Optional<String> filter) {
    this(filter, RUNNING_TOTALS);
  }

  SharedScan(Optional<String> filter, String purpose) {
    this.filter = filter;
    this.purpose = purpose;
  }

  /** Adds every aggregate of a check. */
  void add(PlannedCheck check) {
    add(check, check.plan().aggregates().keySet());
  }

  /** Adds the aggregates of a check with these keys. */
  void add(PlannedCheck check, Collection<String> keys) {
    int index = indexOfCheck(check);
    if (index < 0) {
      checks.add(check);
      keysOfChecks.add(new LinkedHashSet<>());
      index = checks.size() - 1;
    }
    for (String key : keys) {
      String expression = check.plan().aggregates().get(key);
      keysOfChecks.get(index).add(key);
      aliasByExpression.computeIfAbsent(expression, e -> "m" + (aliasByExpression.size() + 1));
    }
  }

  List<PlannedCheck> checks() {
    return List.copyOf(checks);
  }

  /** The keys of a check's aggregates this scan computes. */
  Set<String> keysOf(PlannedCheck check) {
    int index = indexOfCheck(check);
    return index < 0 ? Set.of() : Set.copyOf(keysOfChecks.get(index));
  }

  /** The same work for one check alone, to find which check's SQL fails. */
  SharedScan alone(PlannedCheck check) {
    SharedScan alone = new SharedScan(filter, purpose);
    alone.add(check, keysOf(check));
    return alone;
  }

  boolean isEmpty() {
    return aliasByExpression.isEmpty();
  }

  Optional<String> filter() {
    return filter;
  }

  /** What the query is for, as explain shows it. */
  String purpose() {
    return purpose;
  }

  /** Whether it holds only distinct counts and percentiles, which need a sort or a hash. */
  boolean holistic() {
    return HOLISTIC.equals(purpose);
  }

  /** The position of an expression's value in the result row. */
  int indexOf(String expression) {
    return new ArrayList<>(aliasByExpression.keySet()).indexOf(expression);
  }

  String sql(Dialect dialect, Relation relation) {
    StringBuilder sql = new StringBuilder("SELECT ");
    boolean first = true;
    for (Map.Entry<String, String> entry : aliasByExpression.entrySet()) {
      sql.append(first ? "" : ", ").append(entry.getKey()).append(" AS ").append(entry.getValue());
      first = false;
    }
    sql.append(" FROM ").append(dialect.from(relation, CheckContext.ALIAS));
    filter.ifPresent(where -> sql.append(" WHERE ").append(where));
    return sql.toString();
  }

  // Identity, not equality: two checks may plan alike yet are reported apart.
  private int indexOfCheck(PlannedCheck check) {
    for (int index = 0; index < checks.size(); index++) {
      if (checks.get(index) == check) {
        return index;
      }
    }
    return -1;
  }
}
