package dev.nines.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.check.internal.Options;
import dev.nines.check.internal.Range;
import dev.nines.check.internal.Schemas;
import dev.nines.check.internal.SqlGuard;
import dev.nines.check.internal.Texts;
import dev.nines.dialect.Dialect;
import dev.nines.observation.Bounds;
import dev.nines.observation.ErrorCategory;
import dev.nines.observation.Expectation;
import dev.nines.observation.Status;
import dev.nines.source.QueryResult;
import dev.nines.source.Values;
import dev.nines.spec.CheckSpec;
import dev.nines.spec.Problems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A number computed by the user's SELECT, or the count of rows a SELECT reports as failing. */
public final class SqlCheck implements RunnableCheckType {
  @Override
  public String name() {
    return "sql";
  }

  @Override
  public String summary() {
    return "Runs a read-only SELECT returning one number (query) or the failing rows"
        + " (failing_rows), and compares it with min..max.";
  }

  @Override
  public ObjectNode optionsSchema() {
    Map<String, ObjectNode> properties = new LinkedHashMap<>();
    properties.put("query", Schemas.text("a SELECT returning one number"));
    properties.put(
        "failing_rows", Schemas.text("a SELECT whose rows are failures; they are counted"));
    properties.putAll(Range.schema("the number (failing_rows: default max 0)"));
    return Schemas.object(properties);
  }

  @Override
  public String defaultName(CheckSpec spec) {
    return spec.name() != null ? spec.name() : "sql";
  }

  @Override
  public void validate(CheckSpec spec, Problems problems) {
    Options options = new Options(spec, problems);
    options.allowOnly("", Set.of("query", "failing_rows", "min", "max", "warn"));
    if (spec.name() == null || spec.name().isBlank()) {
      problems.add(
          spec.location(),
          spec.field() + ".sql.name",
          "is required for sql checks",
          "name it after what it checks, e.g. name: negative_totals");
    }
    if (spec.where() != null) {
      problems.add(
          spec.location(),
          spec.field() + ".sql.where",
          "does not apply to sql checks",
          "put the filter in the query itself");
    }
    boolean hasQuery = Options.node(spec.options(), "query") != null;
    boolean hasFailingRows = Options.node(spec.options(), "failing_rows") != null;
    if (hasQuery == hasFailingRows) {
      options.problem(
          hasQuery ? "failing_rows" : "",
          hasQuery ? "give either query or failing_rows, not both" : "needs query or failing_rows",
          "query: \"select count(*) from orders where total < 0\"");
    }
    for (String key : List.of("query", "failing_rows")) {
      String sql = options.check(key, Options::text);
      if (sql != null) {
        SqlGuard.problem(sql).ifPresent(problem -> options.problem(key, problem, null));
      }
    }
    Range.validate(options);
  }

  @Override
  public CheckPlan plan(CheckSpec spec, CheckContext context) {
    ObjectNode options = spec.options();
    var query = Options.node(options, "query");
    boolean failingRows = query == null;
    String written = failingRows ? options.get("failing_rows").asText() : query.asText();
    SqlGuard.problem(written)
        .ifPresent(
            problem -> {
              throw new CheckException(ErrorCategory.SQL, "the check's SQL " + problem);
            });
    String select = Dialect.stripTrailingSemicolon(written);
    String sql = failingRows ? "SELECT COUNT(*) FROM (" + select + ") failing" : select;
    Range range = Range.read(options);
    if (failingRows && range.fail().isEmpty()) {
      range = new Range(new Bounds(null, 0.0), range.warn());
    }
    String label = failingRows ? "failing rows" : spec.name() != null ? spec.name() : "value";
    Range bounds = range;
    Expectation expectation =
        range.expectation(label, failingRows ? "rows" : "value", Texts::count);
    return new CheckPlan(
        Map.of(),
        List.of(new CheckPlan.CheckQuery(failingRows ? "failing rows" : "custom query", sql)),
        inputs -> {
          QueryResult result = inputs.query(0);
          if (result.rows().isEmpty() || result.columns().isEmpty()) {
            throw new CheckException(ErrorCategory.SQL, "the query returned no row");
          }
          Object first = result.first(0);
          if (first == null) {
            throw new CheckException(ErrorCategory.SQL, "the query returned NULL, not a number");
          }
          double value =
              Values.number(first)
                  .orElseThrow(
                      () ->
                          new CheckException(
                              ErrorCategory.SQL,
                              "the query returned '" + first + "', not a number"));
          Status status = expectation.judge(value);
          String message =
              (failingRows
                  ? Texts.count(value) + " failing rows"
                  : label + " = " + Texts.count(value));
          if (status != Status.PASS) {
            message += " " + bounds.broken(status, label, Texts::count);
          }
          return new Outcome(
              status,
              value,
              expectation,
              message,
              List.of(),
              Map.of(failingRows ? "failing_rows" : "value", value),
              null);
        });
  }
}
