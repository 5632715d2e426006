package dev.nines.check;

import dev.nines.source.QueryResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 */
public record CheckPlan(
    Map<String, String> aggregates,
    List<CheckQuery> queries,
    Evaluator evaluator,
    Samples samples) {
  public CheckPlan {
    aggregates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(aggregates));
    queries = List.copyOf(queries);
  }

  public CheckPlan(Map<String, String> aggregates, List<CheckQuery> queries, Evaluator evaluator) {
    this(aggregates, queries, evaluator, null);
  }

  /** The same plan, with a samples query. */
  public CheckPlan withSamples(Samples samples) {
    return new CheckPlan(aggregates, queries, evaluator, samples);
  }

  /**
   * A query returning a few offending values, the last column being how many rows hold them; its
   * rows become one detail line: {@code label: -1.5 (5 rows); -2 (1 row)}.
   */
  public record Samples(String label, String sql) {}

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
