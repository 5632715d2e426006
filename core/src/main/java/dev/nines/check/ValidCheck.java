package dev.nines.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.check.internal.Options;
import dev.nines.check.internal.Schemas;
import dev.nines.check.internal.Sql;
import dev.nines.check.internal.Tolerance;
import dev.nines.dialect.Dialect;
import dev.nines.observation.ColumnInfo;
import dev.nines.spec.CheckSpec;
import dev.nines.spec.Problems;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Non-null values breaking a rule: range, allowed values, pattern, length, not in the future. */
public final class ValidCheck implements RunnableCheckType {
  private static final String INVALID = "invalid";
  private static final int SAMPLES = 5;
  private static final List<String> RULES =
      List.of("min", "max", "values", "regex", "length", "not_future");

  @Override
  public String name() {
    return "valid";
  }

  @Override
  public String summary() {
    return "Fails when more non-null values than tolerated break a rule (min, max, values, regex,"
        + " length, not_future).";
  }

  @Override
  public ObjectNode optionsSchema() {
    Map<String, ObjectNode> properties = new LinkedHashMap<>();
    properties.put("column", Schemas.column("the column whose values are checked"));
    properties.put("min", Schemas.scalar("smallest valid value"));
    properties.put("max", Schemas.scalar("largest valid value"));
    properties.put("values", Schemas.list(Schemas.scalar("a value"), "the allowed values"));
    properties.put("regex", Schemas.text("a pattern valid values contain (anchor with ^...$)"));
    properties.put(
        "length",
        Schemas.object(
            Map.of(
                "min", Schemas.number("fewest characters"),
                "max", Schemas.number("most characters"))));
    properties.put("not_future", Schemas.bool("values after the run's time are invalid"));
    properties.putAll(Tolerance.schema("max_invalid", "invalid rows"));
    return Schemas.object(properties, "column");
  }

  @Override
  public String defaultName(CheckSpec spec) {
    return "valid_" + spec.options().get("column").asText();
  }

  @Override
  public void validate(CheckSpec spec, Problems problems) {
    Options options = new Options(spec, problems);
    Set<String> allowed = new java.util.HashSet<>(RULES);
    allowed.addAll(Set.of("column", "max_invalid", "warn"));
    options.allowOnly("", allowed);
    if (options.require("column")) {
      options.check("column", Options::columnName);
    }
    options.check("min", ValidCheck::bound);
    options.check("max", ValidCheck::bound);
    options.check("values", Options::texts);
    options.check("regex", ValidCheck::regex);
    if (options.checkObject("length")) {
      options.allowOnly("length", Set.of("min", "max"));
      options.check("length.min", Options::number);
      options.check("length.max", Options::number);
    }
    options.check("not_future", Options::bool);
    if (RULES.stream().noneMatch(rule -> Options.node(spec.options(), rule) != null)) {
      options.problem("", "needs at least one rule", "one of: " + String.join(", ", RULES));
    }
    Tolerance.validate(options, "max_invalid");
  }

  private static JsonNode bound(JsonNode node) {
    if (!node.isNumber() && !node.isTextual()) {
      throw new IllegalArgumentException("must be a number, a date or a text");
    }
    return node;
  }

  private static String regex(JsonNode node) {
    String pattern = Options.text(node);
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "is not a valid regular expression: " + e.getDescription());
    }
    return pattern;
  }

  @Override
  public CheckPlan plan(CheckSpec spec, CheckContext context) {
    ObjectNode options = spec.options();
    String column = options.get("column").asText();
    String quoted = context.quoted(column);
    Map<String, String> rules = rules(options, column, quoted, context);
    List<String> broken =
        rules.values().stream().map(condition -> "NOT (" + condition + ")").toList();
    String anyBroken = "(" + String.join(" OR ", broken) + ")";
    // One counter per check in the shared scan: the per-rule counts are only read when the check
    // warns or fails, as window totals of the samples query, which scans the invalid rows alone.
    Map<String, String> aggregates = new LinkedHashMap<>();
    aggregates.put(RowCountCheck.ROWS, RowCountCheck.COUNT_ALL);
    aggregates.put(INVALID, Sql.countWhere(context, quoted + " IS NOT NULL AND " + anyBroken));
    Tolerance tolerance = Tolerance.read(options, "max_invalid");
    List<String> totals = List.copyOf(rules.keySet());
    StringBuilder samples = new StringBuilder("SELECT ").append(quoted).append(", COUNT(*)");
    for (String breaks : broken) {
      // Every rule reads only the grouped column, so a group breaks it with all its rows or none.
      samples.append(", SUM(").append(Sql.countWhere(context, breaks)).append(") OVER ()");
    }
    samples
        .append(" FROM ")
        .append(context.from())
        .append(Sql.where(context, quoted + " IS NOT NULL", anyBroken))
        .append(" GROUP BY ")
        .append(quoted)
        .append(" ORDER BY COUNT(*) DESC, ")
        .append(quoted);
    return new CheckPlan(
            aggregates,
            List.of(),
            inputs -> {
              double invalid = inputs.number(INVALID);
              double rows = inputs.number(RowCountCheck.ROWS);
              String finding =
                  "have an invalid " + column + " (" + String.join(", ", rules.keySet()) + ")";
              return tolerance.judge(
                  invalid, rows, "invalid", finding, "invalid_count", "invalid_percent", List.of());
            })
        .withSamples(
            new CheckPlan.Samples(
                "most frequent invalid values",
                context.dialect().limit(samples.toString(), SAMPLES),
                totals));
  }

  /** Rule name → the SQL condition a valid non-null value satisfies. */
  private static Map<String, String> rules(
      ObjectNode options, String column, String quoted, CheckContext context) {
    Dialect dialect = context.dialect();
    Map<String, String> rules = new LinkedHashMap<>();
    JsonNode min = Options.node(options, "min");
    if (min != null) {
      rules.put("min " + min.asText(), quoted + " >= " + literal(dialect, min));
    }
    JsonNode max = Options.node(options, "max");
    if (max != null) {
      rules.put("max " + max.asText(), quoted + " <= " + literal(dialect, max));
    }
    JsonNode values = Options.node(options, "values");
    if (values != null) {
      List<String> allowed = Options.texts(values);
      rules.put("values " + allowed, Sql.in(context, column, allowed));
    }
    JsonNode regex = Options.node(options, "regex");
    if (regex != null) {
      rules.put(
          "regex " + regex.asText(),
          dialect.regexMatches(Sql.asText(context, column), dialect.literal(regex.asText())));
    }
    JsonNode length = Options.node(options, "length");
    if (length != null) {
      String measured = dialect.length(Sql.asText(context, column));
      List<String> conditions = new ArrayList<>();
      JsonNode shortest = Options.node(options, "length.min");
      JsonNode longest = Options.node(options, "length.max");
      if (shortest != null) {
        conditions.add(measured + " >= " + dialect.literal(Options.number(shortest)));
      }
      if (longest != null) {
        conditions.add(measured + " <= " + dialect.literal(Options.number(longest)));
      }
      if (!conditions.isEmpty()) {
        String bounds =
            shortest != null && longest != null
                ? shortest.asText() + ".." + longest.asText()
                : shortest != null ? "≥ " + shortest.asText() : "≤ " + longest.asText();
        rules.put("length " + bounds, String.join(" AND ", conditions));
      }
    }
    JsonNode notFuture = Options.node(options, "not_future");
    if (notFuture != null && notFuture.asBoolean()) {
      rules.put("not_future", quoted + " <= " + now(context.column(column), context));
    }
    return rules;
  }

  private static String literal(Dialect dialect, JsonNode value) {
    return value.isNumber() ? dialect.literal(value.asDouble()) : dialect.literal(value.asText());
  }

  /** The run's time written so it compares with the column's type. */
  private static String now(ColumnInfo column, CheckContext context) {
    Dialect dialect = context.dialect();
    LocalDateTime local = LocalDateTime.ofInstant(context.now(), context.timezone());
    if (column.jdbcType() == Types.DATE) {
      return dialect.dateLiteral(local.toLocalDate());
    }
    if (Sql.isNumeric(column)) {
      return dialect.literal(context.now().getEpochSecond());
    }
    if (Sql.isText(column)) {
      return dialect.literal(Dialect.TIMESTAMP_TEXT.format(local));
    }
    return dialect.timestampLiteral(local);
  }
}
