package dev.nines.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.check.internal.Options;
import dev.nines.check.internal.Schemas;
import dev.nines.check.internal.Sql;
import dev.nines.check.internal.Tolerance;
import dev.nines.source.Values;
import dev.nines.spec.CheckSpec;
import dev.nines.spec.Problems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Values of a column not found in a column of another dataset on the same source. */
public final class ReferenceCheck implements RunnableCheckType {
  private static final String PARENT_ALIAS = "p";
  private static final int SAMPLES = 5;

  @Override
  public String name() {
    return "reference";
  }

  @Override
  public String summary() {
    return "Fails when more rows than tolerated point to a value missing from another dataset.";
  }

  @Override
  public ObjectNode optionsSchema() {
    Map<String, ObjectNode> properties = new LinkedHashMap<>();
    properties.put("column", Schemas.column("the column holding references"));
    properties.put(
        "references",
        Schemas.object(
            Map.of(
                "dataset", Schemas.text("the referenced dataset, on the same source"),
                "column", Schemas.column("the referenced column")),
            "dataset",
            "column"));
    properties.putAll(Tolerance.schema("max_missing", "rows with a dangling reference"));
    return Schemas.object(properties, "column", "references");
  }

  @Override
  public String defaultName(CheckSpec spec) {
    return "reference_" + spec.options().get("column").asText();
  }

  @Override
  public void validate(CheckSpec spec, Problems problems) {
    Options options = new Options(spec, problems);
    options.allowOnly("", Set.of("column", "references", "max_missing", "warn"));
    if (options.require("column")) {
      options.check("column", Options::columnName);
    }
    if (options.require("references") && options.checkObject("references")) {
      options.allowOnly("references", Set.of("dataset", "column"));
      if (options.require("references.dataset")) {
        options.check("references.dataset", Options::text);
      }
      if (options.require("references.column")) {
        options.check("references.column", Options::columnName);
      }
    }
    Tolerance.validate(options, "max_missing");
  }

  @Override
  public CheckPlan plan(CheckSpec spec, CheckContext context) {
    ObjectNode options = spec.options();
    String column = options.get("column").asText();
    String parentName = Options.node(options, "references.dataset").asText();
    String parentColumn = Options.node(options, "references.column").asText();
    String child = CheckContext.ALIAS + "." + context.quoted(column);
    CheckContext.OtherDataset parent = context.dataset(parentName);
    String parentKey = PARENT_ALIAS + "." + parent.quoted(parentColumn);
    String danglingRows =
        " FROM "
            + context.from()
            + Sql.where(
                context,
                child + " IS NOT NULL",
                "NOT EXISTS (SELECT 1 FROM "
                    + parent.from(PARENT_ALIAS)
                    + " WHERE "
                    + parentKey
                    + " = "
                    + child
                    + ")");
    String sql = "SELECT COUNT(*)" + danglingRows;
    String samples =
        "SELECT "
            + child
            + ", COUNT(*)"
            + danglingRows
            + " GROUP BY "
            + child
            + " ORDER BY COUNT(*) DESC, "
            + child;
    Tolerance tolerance = Tolerance.read(options, "max_missing");
    String target = parentName + "." + parentColumn;
    return new CheckPlan(
            Map.of(RowCountCheck.ROWS, RowCountCheck.COUNT_ALL),
            List.of(new CheckPlan.CheckQuery("references missing from " + target, sql)),
            inputs -> {
              double dangling = Values.number(inputs.query(0).first(0)).orElse(0.0);
              double rows = inputs.number(RowCountCheck.ROWS);
              String finding = "have a " + column + " not found in " + target;
              return tolerance.judge(
                  dangling,
                  rows,
                  "dangling",
                  finding,
                  "dangling_count",
                  "dangling_percent",
                  List.of());
            })
        .withSamples(
            new CheckPlan.Samples(
                "most frequent values not found", context.dialect().limit(samples, SAMPLES)));
  }
}
