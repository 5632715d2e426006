package dev.nines.run.internal;

import dev.nines.check.CheckContext;
import dev.nines.dialect.Dialect;
import dev.nines.dialect.Relation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One aggregate query computing every aggregate of several checks under one filter. Equal
 * expressions (e.g. COUNT(*) of row_count and missing) are computed once.
 */
final class SharedScan {
  private final Map<String, String> aliasByExpression = new LinkedHashMap<>();
  private final List<PlannedCheck> checks = new ArrayList<>();
  private final Optional<String> filter;

  SharedScan(Optional<String> filter) {
    this.filter = filter;
  }

  void add(PlannedCheck check) {
    checks.add(check);
    for (String expression : check.plan().aggregates().values()) {
      aliasByExpression.computeIfAbsent(expression, key -> "m" + (aliasByExpression.size() + 1));
    }
  }

  List<PlannedCheck> checks() {
    return List.copyOf(checks);
  }

  boolean isEmpty() {
    return aliasByExpression.isEmpty();
  }

  Optional<String> filter() {
    return filter;
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
}
