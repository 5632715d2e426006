package dev.nines.check;

import dev.nines.source.QueryResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The work a check asks of the engine: aggregate expressions for the dataset's shared scan (by
 * key), queries of its own, and how to turn the values into an outcome.
 *
 * @param aggregates key → aggregate SQL expression, computed in the shared scan under the check's
 *     filter; equal expressions of different checks are computed once
 * @param queries queries of its own, run after the scan, in order
 * @param evaluator turns the values into an outcome
 * @param samples a query for a few offending values, run only when the check warns or fails; null
 *     when the check has none
 * @param holistic keys of the aggregates that need a sort or a hash over their column (distinct
 *     counts, percentiles) rather than a running total; the dialect decides whether they share the
 *     scan ({@link dev.nines.dialect.HolisticPlacement})
 */
public record CheckPlan(
    Map<String, String> aggregates,
    List<CheckQuery> queries,
    Evaluator evaluator,
    Samples samples,
    Set<String> holistic) {
  public CheckPlan {
    aggregates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(aggregates));
    queries = List.copyOf(queries);
    holistic = holistic == null ? Set.of() : Set.copyOf(holistic);
    if (!aggregates.keySet().containsAll(holistic)) {
      throw new IllegalArgumentException(
          "holistic keys " + holistic + " are not all aggregates " + aggregates.keySet());
    }
  }

  public CheckPlan(
      Map<String, String> aggregates,
      List<CheckQuery> queries,
      Evaluator evaluator,
      Samples samples) {
    this(aggregates, queries, evaluator, samples, Set.of());
  }

  public CheckPlan(Map<String, String> aggregates, List<CheckQuery> queries, Evaluator evaluator) {
    this(aggregates, queries, evaluator, null, Set.of());
  }

  /** The same plan, with a samples query. */
  public CheckPlan withSamples(Samples samples) {
    return new CheckPlan(aggregates, queries, evaluator, samples, holistic);
  }

  /** The same plan, marking aggregates that need a sort or a hash over their column. */
  public CheckPlan withHolistic(String... keys) {
    return new CheckPlan(aggregates, queries, evaluator, samples, Set.of(keys));
  }

  /**
   * A query returning a few offending values, then how many rows hold them, then one column per
   * label of {@code totals}; its rows become one detail line: {@code label: -1.5 (5 rows); -2 (1
   * row)}, after a line per total read from its first row: {@code min 0: 5 rows break it}.
   *
   * @param totals labels of trailing columns holding a count over all offending rows (e.g. a window
   *     {@code SUM(…) OVER ()}), shown as {@code <label>: <n> rows break it}; may be empty
   */
  public record Samples(String label, String sql, List<String> totals) {
    public Samples {
      totals = totals == null ? List.of() : List.copyOf(totals);
    }

    public Samples(String label, String sql) {
      this(label, sql, List.of());
    }
  }

  /** A query a check runs itself, with the reason shown by explain. */
  public record CheckQuery(String purpose, String sql) {}

  /** Turns measured values into the check's outcome. */
  @FunctionalInterface
  public interface Evaluator {
    /**
     * @throws CheckException when the values show the check cannot be answered
     */
    Outcome evaluate(Inputs inputs);
  }

  /** The values a check asked for. */
  public interface Inputs {
    /** The value of an aggregate of the plan; may be null (e.g. MAX of no rows). */
    Object aggregate(String key);

    /** An aggregate as a number, 0 when null. */
    default double number(String key) {
      return dev.nines.source.Values.number(aggregate(key)).orElse(0.0);
    }

    /** The result of the plan's query at {@code index}. */
    QueryResult query(int index);
  }
}
