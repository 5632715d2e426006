package dev.nines.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.check.internal.Options;
import dev.nines.check.internal.Schemas;
import dev.nines.check.internal.Texts;
import dev.nines.observation.Bounds;
import dev.nines.observation.Expectation;
import dev.nines.observation.Measurement;
import dev.nines.observation.Status;
import dev.nines.spec.CheckSpec;
import dev.nines.spec.Problems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The change of the row count since this check's previous run. */
public final class VolumeChangeCheck implements RunnableCheckType {
  private static final Set<String> KEYS = Set.of("max_drop", "max_growth");

  @Override
  public String name() {
    return "volume_change";
  }

  @Override
  public String summary() {
    return "Fails when the row count dropped or grew more than allowed since the previous run.";
  }

  @Override
  public ObjectNode optionsSchema() {
    Map<String, ObjectNode> properties = new LinkedHashMap<>();
    properties.put("max_drop", Schemas.percent("fail when rows dropped by more than this"));
    properties.put("max_growth", Schemas.percent("fail when rows grew by more than this"));
    properties.put(
        "warn",
        Schemas.object(
            Map.of(
                "max_drop", Schemas.percent("warn when rows dropped by more than this"),
                "max_growth", Schemas.percent("warn when rows grew by more than this"))));
    return Schemas.object(properties);
  }

  @Override
  public String defaultName(CheckSpec spec) {
    return "volume_change";
  }

  @Override
  public void validate(CheckSpec spec, Problems problems) {
    Options options = new Options(spec, problems);
    options.allowOnly("", Set.of("max_drop", "max_growth", "warn"));
    Double drop = options.check("max_drop", Options::percent);
    Double growth = options.check("max_growth", Options::percent);
    Double warnDrop = null;
    Double warnGrowth = null;
    if (options.checkObject("warn")) {
      options.allowOnly("warn", KEYS);
      warnDrop = options.check("warn.max_drop", Options::percent);
      warnGrowth = options.check("warn.max_growth", Options::percent);
    }
    if (drop != null && drop > 1) {
      options.problem("max_drop", "a drop cannot exceed 100%", null);
    }
    if (drop == null && growth == null && warnDrop == null && warnGrowth == null) {
      options.problem(
          "", "needs max_drop or max_growth", "e.g. { max_drop: 30%, max_growth: 200% }");
    }
  }

  @Override
  public CheckPlan plan(CheckSpec spec, CheckContext context) {
    ObjectNode options = spec.options();
    Bounds fail = new Bounds(negated(options, "max_drop"), ratio(options, "max_growth"));
    Bounds warn = new Bounds(negated(options, "warn.max_drop"), ratio(options, "warn.max_growth"));
    Expectation expectation = new Expectation(fail, warn, "ratio", text(fail, warn));
    Optional<Measurement> previous =
        context.history().latest(context.dataset(), context.check(), "row_count");
    return new CheckPlan(
        Map.of(RowCountCheck.ROWS, RowCountCheck.COUNT_ALL),
        List.of(),
        inputs -> {
          double rows = inputs.number(RowCountCheck.ROWS);
          Map<String, Double> measurements = new LinkedHashMap<>();
          measurements.put("row_count", rows);
          if (previous.isEmpty()) {
            return new Outcome(
                Status.PASS,
                null,
                expectation,
                "first measurement: " + Texts.count(rows) + " rows",
                List.of(),
                measurements,
                null);
          }
          double before = previous.get().value();
          String since = " since " + previous.get().measuredAt();
          if (before == 0) {
            Status status =
                rows == 0 ? Status.PASS : growthStatus(fail.max() != null, warn.max() != null);
            return new Outcome(
                status,
                null,
                expectation,
                "rows went from 0 to " + Texts.count(rows),
                List.of("previous row count measured" + since),
                measurements,
                null);
          }
          double change = (rows - before) / before;
          measurements.put("row_count_change", change);
          Status status = expectation.judge(change);
          String verb = change < 0 ? "dropped " : "grew ";
          String message =
              "rows "
                  + (change == 0
                      ? "unchanged at " + Texts.count(rows)
                      : verb
                          + Texts.percent(Math.abs(change))
                          + " from "
                          + Texts.count(before)
                          + " to "
                          + Texts.count(rows));
          if (status == Status.FAIL) {
            message += " (fail: " + limit(fail, change) + ")";
          } else if (status == Status.WARN) {
            message += " (warn: " + limit(warn, change) + ")";
          }
          return new Outcome(
              status,
              change,
              expectation,
              message,
              List.of("previous row count measured" + since),
              measurements,
              null);
        });
  }

  private static Status growthStatus(boolean failOnGrowth, boolean warnOnGrowth) {
    if (failOnGrowth) {
      return Status.FAIL;
    }
    return warnOnGrowth ? Status.WARN : Status.PASS;
  }

  private static String limit(Bounds bounds, double change) {
    return change < 0
        ? "drop > " + Texts.percent(-bounds.min())
        : "growth > " + Texts.percent(bounds.max());
  }

  private static String text(Bounds fail, Bounds warn) {
    String failText = side(fail);
    String warnText = side(warn);
    if (warnText.isEmpty()) {
      return failText;
    }
    return (failText.isEmpty() ? "" : failText + " (fail), ") + warnText + " (warn)";
  }

  private static String side(Bounds bounds) {
    StringBuilder text = new StringBuilder();
    if (bounds.min() != null) {
      text.append("drop ≤ ").append(Texts.percent(-bounds.min()));
    }
    if (bounds.max() != null) {
      text.append(text.length() > 0 ? ", " : "")
          .append("growth ≤ ")
          .append(Texts.percent(bounds.max()));
    }
    return text.toString();
  }

  private static Double ratio(ObjectNode options, String path) {
    var node = Options.node(options, path);
    return node == null ? null : Options.percent(node);
  }

  private static Double negated(ObjectNode options, String path) {
    Double ratio = ratio(options, path);
    return ratio == null ? null : -ratio;
  }
}
