package dev.nines.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.check.internal.Options;
import dev.nines.check.internal.Schemas;
import dev.nines.check.internal.Texts;
import dev.nines.dialect.Relation;
import dev.nines.observation.Bounds;
import dev.nines.observation.ErrorCategory;
import dev.nines.observation.Expectation;
import dev.nines.observation.Status;
import dev.nines.source.Values;
import dev.nines.spec.CheckSpec;
import dev.nines.spec.Problems;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** How old the newest row is: now − max(column), or the table's last modification time. */
public final class FreshnessCheck implements RunnableCheckType {
  private static final String NEWEST = "newest";

  @Override
  public String name() {
    return "freshness";
  }

  @Override
  public String summary() {
    return "Fails when the newest row (max of a timestamp column) is older than a threshold.";
  }

  @Override
  public ObjectNode optionsSchema() {
    Map<String, ObjectNode> properties = new LinkedHashMap<>();
    properties.put(
        "column",
        Schemas.column(
            "timestamp, date or epoch-seconds column; without it the catalog's last"
                + " modification time"));
    properties.put("fail", Schemas.duration("fail when the newest row is older than this"));
    properties.put("warn", Schemas.duration("warn when the newest row is older than this"));
    return Schemas.object(properties, "fail");
  }

  @Override
  public String defaultName(CheckSpec spec) {
    return "freshness";
  }

  @Override
  public void validate(CheckSpec spec, Problems problems) {
    Options options = new Options(spec, problems);
    options.allowOnly("", Set.of("column", "fail", "warn"));
    options.check("column", Options::columnName);
    options.require("fail");
    Duration fail = options.check("fail", Options::duration);
    Duration warn = options.check("warn", Options::duration);
    if (fail != null && warn != null && warn.compareTo(fail) >= 0) {
      options.problem("warn", "should be shorter than fail (" + Texts.age(fail) + ")", null);
    }
  }

  @Override
  public CheckPlan plan(CheckSpec spec, CheckContext context) {
    Duration fail = Options.duration(Options.node(spec.options(), "fail"));
    var warnNode = Options.node(spec.options(), "warn");
    Duration warn = warnNode == null ? null : Options.duration(warnNode);
    var columnNode = Options.node(spec.options(), "column");
    if (columnNode != null) {
      String column = columnNode.asText();
      String quoted = context.quoted(column);
      return new CheckPlan(
          Map.of(NEWEST, "MAX(" + quoted + ")"),
          List.of(),
          inputs -> judge(inputs.aggregate(NEWEST), "newest " + column, fail, warn, context));
    }
    Optional<String> lastModified =
        context.relation() instanceof Relation.Table table
            ? context.dialect().lastModifiedQuery(table)
            : Optional.empty();
    if (lastModified.isEmpty()) {
      throw new CheckException(
          ErrorCategory.UNSUPPORTED,
          context.dialect().name()
              + " does not record when a table was last modified; set column: to a timestamp"
              + " column of the dataset");
    }
    return new CheckPlan(
        Map.of(),
        List.of(new CheckPlan.CheckQuery("last modification time", lastModified.get())),
        inputs -> {
          Object modified = inputs.query(0).first(0);
          if (modified == null) {
            throw new CheckException(
                ErrorCategory.UNSUPPORTED,
                "the catalog has no modification time for this table; set column: to a timestamp"
                    + " column of the dataset");
          }
          return judge(modified, "last modification", fail, warn, context);
        });
  }

  private static Outcome judge(
      Object newest, String what, Duration fail, Duration warn, CheckContext context) {
    Expectation expectation = expectation(fail, warn);
    if (newest == null) {
      return new Outcome(
          Status.FAIL,
          null,
          expectation,
          "no rows: " + what + " has no value",
          List.of(),
          Map.of(),
          null);
    }
    Instant time =
        Values.instant(newest, context.timezone())
            .orElseThrow(
                () ->
                    new CheckException(
                        ErrorCategory.UNSUPPORTED,
                        what + " is not a timestamp, date or epoch seconds: " + newest));
    double age = Duration.between(time, context.now()).toMillis() / 1000.0;
    Status status = expectation.judge(age);
    String message = what + " is " + Texts.age(Math.max(0, age)) + " old";
    if (age < 0) {
      message = what + " is " + Texts.age(-age) + " in the future";
    }
    if (status == Status.FAIL) {
      message += " (fail > " + Texts.age(fail) + ")";
    } else if (status == Status.WARN) {
      message += " (warn > " + Texts.age(warn) + ")";
    }
    return new Outcome(
        status,
        age,
        expectation,
        message,
        List.of(what + " = " + newest),
        Map.of("age_seconds", age),
        null);
  }

  private static Expectation expectation(Duration fail, Duration warn) {
    Bounds failBounds = new Bounds(null, fail.toMillis() / 1000.0);
    Bounds warnBounds = warn == null ? Bounds.NONE : new Bounds(null, warn.toMillis() / 1000.0);
    String text =
        warn == null
            ? "age ≤ " + Texts.age(fail)
            : "age ≤ " + Texts.age(warn) + " (warn), ≤ " + Texts.age(fail) + " (fail)";
    return new Expectation(failBounds, warnBounds, "seconds", text);
  }
}
