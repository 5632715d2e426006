package dev.nines.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.check.internal.Options;
import dev.nines.check.internal.Range;
import dev.nines.check.internal.Schemas;
import dev.nines.check.internal.Sql;
import dev.nines.check.internal.Texts;
import dev.nines.dialect.Dialect;
import dev.nines.observation.ErrorCategory;
import dev.nines.observation.Expectation;
import dev.nines.observation.Status;
import dev.nines.source.QueryResult;
import dev.nines.source.Values;
import dev.nines.spec.CheckSpec;
import dev.nines.spec.Problems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A statistic of a column (avg, min, max, sum, stddev, distinct_count, percentile) in bounds. */
public final class MetricCheck implements RunnableCheckType {
  private static final List<String> STATS =
      List.of("avg", "min", "max", "sum", "stddev", "distinct_count", "percentile");
  private static final String VALUE = "value";
  private static final String COUNT = "n";
  private static final String SUM = "sum";
  private static final String SUM_OF_SQUARES = "sum_of_squares";

  @Override
  public String name() {
    return "metric";
  }

  @Override
  public String summary() {
    return "Fails when a statistic of a column (avg, min, max, sum, stddev, distinct_count,"
        + " percentile) is outside min..max.";
  }

  @Override
  public ObjectNode optionsSchema() {
    Map<String, ObjectNode> properties = new LinkedHashMap<>();
    properties.put("column", Schemas.column("the column measured"));
    properties.put("stat", Schemas.enumeration("the statistic", STATS.toArray(String[]::new)));
    properties.put(
        "percentile", Schemas.number("with stat percentile: the fraction, 0..1 (0.95 for p95)"));
    properties.putAll(Range.schema("the statistic"));
    return Schemas.object(properties, "column", "stat");
  }

  @Override
  public String defaultName(CheckSpec spec) {
    String column = spec.options().get("column").asText();
    String stat = spec.options().get("stat").asText();
    if (stat.equals("percentile")) {
      return percentileLabel(spec.options().get("percentile").asDouble()) + "_" + column;
    }
    return stat + "_" + column;
  }

  /** {@code p95} for 0.95, {@code p99_9} for 0.999. */
  static String percentileLabel(double fraction) {
    return "p" + Texts.number(fraction * 100).replace('.', '_');
  }

  @Override
  public void validate(CheckSpec spec, Problems problems) {
    Options options = new Options(spec, problems);
    options.allowOnly("", Set.of("column", "stat", "percentile", "min", "max", "warn"));
    if (options.require("column")) {
      options.check("column", Options::columnName);
    }
    String stat = null;
    if (options.require("stat")) {
      stat = options.check("stat", Options::text);
      if (stat != null && !STATS.contains(stat)) {
        options.problem(
            "stat", "unknown statistic '" + stat + "'", "one of: " + String.join(", ", STATS));
      }
    }
    Double fraction = options.check("percentile", Options::number);
    if ("percentile".equals(stat) && Options.node(spec.options(), "percentile") == null) {
      options.problem("percentile", "is required with stat percentile", "e.g. percentile: 0.95");
    } else if (fraction != null && !"percentile".equals(stat)) {
      options.problem("percentile", "applies only to stat percentile", null);
    } else if (fraction != null && (fraction < 0 || fraction > 1)) {
      options.problem("percentile", "must be between 0 and 1 (0.95 for p95)", null);
    }
    Range.validate(options);
  }

  @Override
  public CheckPlan plan(CheckSpec spec, CheckContext context) {
    ObjectNode options = spec.options();
    String column = options.get("column").asText();
    String stat = options.get("stat").asText();
    String quoted = context.quoted(column);
    Dialect dialect = context.dialect();
    String number = dialect.castToDouble(quoted);
    String label =
        stat.equals("percentile") ? percentileLabel(options.get("percentile").asDouble()) : stat;
    String metric = label + "(" + column + ")";
    Range range = Range.read(options);
    Expectation expectation = range.expectation(metric, "value", Texts::number);
    Judge judge = value -> judge(value, metric, range, expectation, label);
    CheckPlan.Evaluator fromScan = inputs -> judge.apply(valueOf(stat, inputs));
    return switch (stat) {
      case "avg" -> scan(Map.of(VALUE, "AVG(" + number + ")"), fromScan);
      case "min" -> scan(Map.of(VALUE, "MIN(" + quoted + ")"), fromScan);
      case "max" -> scan(Map.of(VALUE, "MAX(" + quoted + ")"), fromScan);
      case "sum" -> scan(Map.of(VALUE, "SUM(" + number + ")"), fromScan);
      case "distinct_count" ->
          scan(Map.of(VALUE, "COUNT(DISTINCT " + quoted + ")"), fromScan).withHolistic(VALUE);
      case "stddev" -> {
        Optional<String> builtIn = dialect.stddev(number);
        yield builtIn.isPresent()
            ? scan(Map.of(VALUE, builtIn.get()), fromScan)
            : scan(
                Map.of(
                    COUNT, "COUNT(" + quoted + ")",
                    SUM, "SUM(" + number + ")",
                    SUM_OF_SQUARES, "SUM(" + number + " * " + number + ")"),
                inputs -> judge.apply(sampleStddev(inputs)));
      }
      default -> percentile(options.get("percentile").asDouble(), quoted, context, fromScan, judge);
    };
  }

  private static CheckPlan scan(Map<String, String> aggregates, CheckPlan.Evaluator judge) {
    return new CheckPlan(aggregates, List.of(), judge);
  }

  /** Turns the computed statistic (null when undefined) into the outcome. */
  @FunctionalInterface
  private interface Judge {
    Outcome apply(Double value);
  }

  private static CheckPlan percentile(
      double fraction,
      String quoted,
      CheckContext context,
      CheckPlan.Evaluator fromScan,
      Judge judge) {
    Optional<String> aggregate = context.dialect().percentile(quoted, fraction);
    if (aggregate.isPresent()) {
      return scan(Map.of(VALUE, aggregate.get()), fromScan).withHolistic(VALUE);
    }
    // No percentile aggregate: rank the values and keep the one or two around the position.
    String value = context.dialect().castToDouble(quoted);
    String position = context.dialect().literal(fraction) + " * (total - 1)";
    String ranked =
        "SELECT "
            + value
            + " AS v, ROW_NUMBER() OVER (ORDER BY "
            + quoted
            + ") - 1 AS position, COUNT(*) OVER () AS total FROM "
            + context.from()
            + Sql.where(context, quoted + " IS NOT NULL");
    String sql =
        "SELECT v, position, total FROM ("
            + ranked
            + ") r WHERE position > "
            + position
            + " - 1 AND position < "
            + position
            + " + 1 ORDER BY position";
    return new CheckPlan(
        Map.of(),
        List.of(new CheckPlan.CheckQuery("percentile by ranking", sql)),
        inputs -> judge.apply(interpolate(inputs.query(0), fraction)));
  }

  private static Double valueOf(String stat, CheckPlan.Inputs inputs) {
    Object value = inputs.aggregate(VALUE);
    if (value == null) {
      return null;
    }
    return Values.number(value)
        .orElseThrow(
            () ->
                new CheckException(
                    ErrorCategory.UNSUPPORTED,
                    stat + " gave a value that is not a number: " + value));
  }

  /** The sample standard deviation from count, sum and sum of squares. */
  private static Double sampleStddev(CheckPlan.Inputs inputs) {
    double n = inputs.number(COUNT);
    if (n < 2) {
      return null;
    }
    double sum = inputs.number(SUM);
    double variance = (inputs.number(SUM_OF_SQUARES) - sum * sum / n) / (n - 1);
    return Math.sqrt(Math.max(0, variance));
  }

  /** Linear interpolation between the ranked values around fraction × (n − 1). */
  private static Double interpolate(QueryResult ranked, double fraction) {
    if (ranked.rows().isEmpty()) {
      return null;
    }
    List<Object> low = ranked.rows().get(0);
    List<Object> high = ranked.rows().get(ranked.rows().size() - 1);
    double lowValue = Values.number(low.get(0)).orElseThrow();
    double highValue = Values.number(high.get(0)).orElseThrow();
    double lowPosition = Values.number(low.get(1)).orElseThrow();
    double highPosition = Values.number(high.get(1)).orElseThrow();
    if (highPosition == lowPosition) {
      return lowValue;
    }
    double total = Values.number(low.get(2)).orElseThrow();
    double target = fraction * (total - 1);
    return lowValue
        + (highValue - lowValue) * (target - lowPosition) / (highPosition - lowPosition);
  }

  private static Outcome judge(
      Double value, String metric, Range range, Expectation expectation, String label) {
    if (value == null) {
      return new Outcome(
          range.fail().isEmpty() ? Status.PASS : Status.FAIL,
          null,
          expectation,
          "no values: " + metric + " is undefined",
          List.of(),
          Map.of(),
          null);
    }
    Status status = expectation.judge(value);
    String message = metric + " = " + Texts.number(value);
    if (status != Status.PASS) {
      message += " " + range.broken(status, metric, Texts::number);
    }
    return new Outcome(
        status,
        value,
        expectation,
        message,
        List.of(),
        Map.of(label.toLowerCase(Locale.ROOT), value),
        null);
  }
}
