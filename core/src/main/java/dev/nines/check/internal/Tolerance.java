package dev.nines.check.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.check.Outcome;
import dev.nines.observation.Bounds;
import dev.nines.observation.Expectation;
import dev.nines.observation.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How many bad rows a check tolerates: a count or a percentage under one key (e.g. {@code max}),
 * default 0, and the same key in a nested {@code warn: {...}}.
 */
public record Tolerance(String key, Limit fail, Limit warn) {
  /** Validates {@code key} and {@code warn.key}. */
  public static void validate(Options options, String key) {
    options.check(key, Options::limit);
    if (options.checkObject("warn")) {
      options.allowOnly("warn", Set.of(key));
      options.check("warn." + key, Options::limit);
    }
  }

  public static Tolerance read(ObjectNode options, String key) {
    var failNode = Options.node(options, key);
    var warnNode = Options.node(options, "warn." + key);
    return new Tolerance(
        key,
        failNode == null ? Limit.ZERO : Options.limit(failNode),
        warnNode == null ? null : Options.limit(warnNode));
  }

  /** The JSON Schema properties {@code key} and {@code warn}. */
  public static Map<String, ObjectNode> schema(String key, String what) {
    Map<String, ObjectNode> properties = new LinkedHashMap<>();
    properties.put(key, Schemas.limit("most " + what + " tolerated (count or %), default 0"));
    properties.put(
        "warn", Schemas.object(Map.of(key, Schemas.limit("warn above this many " + what))));
    return properties;
  }

  /**
   * Judges {@code bad} rows out of {@code rows}.
   *
   * @param noun what is counted, e.g. {@code missing}
   * @param finding what the bad rows do, e.g. {@code have no customer_id}, read after {@code 3 of
   *     1,000 rows (0.3%)}
   * @param countMetric metric name of the count, e.g. {@code missing_count}
   * @param percentMetric metric name of the share, e.g. {@code missing_percent}
   */
  public Outcome judge(
      double bad,
      double rows,
      String noun,
      String finding,
      String countMetric,
      String percentMetric,
      List<String> details) {
    Bounds failBounds = new Bounds(null, fail.rowsOf(rows));
    Bounds warnBounds = warn == null ? Bounds.NONE : new Bounds(null, warn.rowsOf(rows));
    String text =
        noun
            + " ≤ "
            + fail.describe(rows)
            + (warn == null ? "" : ", warn above " + warn.describe(rows));
    Expectation expectation = new Expectation(failBounds, warnBounds, "rows", text);
    Status status = expectation.judge(bad);
    double share = rows == 0 ? 0 : bad / rows;
    String message =
        Texts.count(bad)
            + " of "
            + Texts.count(rows)
            + (rows == 1 ? " row" : " rows")
            + (rows > 0 && bad > 0 ? " (" + Texts.percent(share) + ")" : "")
            + " "
            + finding;
    if (status == Status.FAIL) {
      message += "; fail above " + fail.describe(rows);
    } else if (status == Status.WARN) {
      message += "; warn above " + warn.describe(rows);
    }
    Map<String, Double> measurements = new LinkedHashMap<>();
    measurements.put(countMetric, bad);
    measurements.put(percentMetric, share * 100);
    return new Outcome(status, bad, expectation, message, details, measurements, null);
  }
}
