package dev.nines.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.check.internal.Options;
import dev.nines.check.internal.Schemas;
import dev.nines.check.internal.Sql;
import dev.nines.check.internal.Tolerance;
import dev.nines.spec.CheckSpec;
import dev.nines.spec.Problems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rows whose column is null (or one of the values that count as missing). */
public final class MissingCheck implements RunnableCheckType {
  private static final String MISSING = "missing";

  @Override
  public String name() {
    return "missing";
  }

  @Override
  public String summary() {
    return "Fails when more rows than tolerated have no value (null or a listed placeholder).";
  }

  @Override
  public ObjectNode optionsSchema() {
    Map<String, ObjectNode> properties = new LinkedHashMap<>();
    properties.put("column", Schemas.column("the column that must have a value"));
    properties.put(
        "values",
        Schemas.list(
            Schemas.scalar("a value"), "values that also count as missing, e.g. ['', 'N/A']"));
    properties.putAll(Tolerance.schema("max", "missing rows"));
    return Schemas.object(properties, "column");
  }

  @Override
  public String defaultName(CheckSpec spec) {
    return "missing_" + spec.options().get("column").asText();
  }

  @Override
  public void validate(CheckSpec spec, Problems problems) {
    Options options = new Options(spec, problems);
    options.allowOnly("", Set.of("column", "values", "max", "warn"));
    if (options.require("column")) {
      options.check("column", Options::columnName);
    }
    options.check("values", Options::texts);
    Tolerance.validate(options, "max");
  }

  @Override
  public CheckPlan plan(CheckSpec spec, CheckContext context) {
    String column = spec.options().get("column").asText();
    String quoted = context.quoted(column);
    var valuesNode = Options.node(spec.options(), "values");
    List<String> values = valuesNode == null ? List.of() : Options.texts(valuesNode);
    String count =
        values.isEmpty()
            ? Sql.countNull(quoted)
            : Sql.countWhere(context, quoted + " IS NULL OR " + Sql.in(context, column, values));
    Tolerance tolerance = Tolerance.read(spec.options(), "max");
    return new CheckPlan(
        Map.of(MISSING, count, RowCountCheck.ROWS, RowCountCheck.COUNT_ALL),
        List.of(),
        inputs -> {
          double missing = inputs.number(MISSING);
          double rows = inputs.number(RowCountCheck.ROWS);
          String finding =
              "have no " + column + (values.isEmpty() ? "" : " (null or one of " + values + ")");
          return tolerance.judge(
              missing, rows, "missing", finding, "missing_count", "missing_percent", List.of());
        });
  }
}
