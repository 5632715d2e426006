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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Extra rows sharing a key: count(key) − count(distinct key) for one column (the distinct count
 * placed as the dialect computes holistic aggregates fastest), a GROUP BY query for several. Rows
 * with a NULL in the key are ignored.
 */
public final class DuplicatesCheck implements RunnableCheckType {
  private static final String KEYED = "keyed";
  private static final String DISTINCT = "distinct";
  private static final int SAMPLES = 5;

  @Override
  public String name() {
    return "duplicates";
  }

  @Override
  public String summary() {
    return "Fails when more rows than tolerated repeat a key of one or more columns.";
  }

  @Override
  public ObjectNode optionsSchema() {
    Map<String, ObjectNode> properties = new LinkedHashMap<>();
    properties.put("columns", Schemas.columns("the columns forming the key"));
    properties.put("column", Schemas.column("the key column, when it is a single one"));
    properties.putAll(Tolerance.schema("max", "duplicate rows"));
    return Schemas.object(properties);
  }

  @Override
  public String defaultName(CheckSpec spec) {
    return "duplicates_" + String.join("_", keyOf(spec.options()));
  }

  @Override
  public void validate(CheckSpec spec, Problems problems) {
    Options options = new Options(spec, problems);
    options.allowOnly("", Set.of("columns", "column", "max", "warn"));
    boolean hasColumns = Options.node(spec.options(), "columns") != null;
    boolean hasColumn = Options.node(spec.options(), "column") != null;
    if (hasColumns == hasColumn) {
      options.problem(
          hasColumns ? "column" : "",
          hasColumns ? "give either columns or column, not both" : "needs columns or column",
          "e.g. { columns: [order_id] }");
    }
    options.check("columns", Options::columnNames);
    options.check("column", Options::columnName);
    Tolerance.validate(options, "max");
  }

  static List<String> keyOf(ObjectNode options) {
    var columns = Options.node(options, "columns");
    return columns != null
        ? Options.columnNames(columns)
        : List.of(Options.columnName(options.get("column")));
  }

  @Override
  public CheckPlan plan(CheckSpec spec, CheckContext context) {
    List<String> key = keyOf(spec.options());
    List<String> quoted = key.stream().map(context::quoted).toList();
    Tolerance tolerance = Tolerance.read(spec.options(), "max");
    String keyText = String.join(", ", key);
    String notNull =
        quoted.stream().map(column -> column + " IS NOT NULL").collect(Collectors.joining(" AND "));
    String columns = String.join(", ", quoted);
    CheckPlan.Samples samples =
        new CheckPlan.Samples(
            "most repeated keys (" + keyText + ")",
            context
                .dialect()
                .limit(
                    "SELECT "
                        + columns
                        + ", COUNT(*) FROM "
                        + context.from()
                        + Sql.where(context, notNull)
                        + " GROUP BY "
                        + columns
                        + " HAVING COUNT(*) > 1 ORDER BY COUNT(*) DESC, "
                        + columns,
                    SAMPLES));
    Optional<String> uniqueBy = context.uniqueBy(key);
    if (uniqueBy.isPresent()) {
      return new CheckPlan(
          Map.of(), List.of(), inputs -> fromCatalog(tolerance, keyText, uniqueBy.get()));
    }
    if (key.size() == 1) {
      return new CheckPlan(
              Map.of(
                  RowCountCheck.ROWS,
                  RowCountCheck.COUNT_ALL,
                  KEYED,
                  "COUNT(" + quoted.get(0) + ")",
                  DISTINCT,
                  "COUNT(DISTINCT " + quoted.get(0) + ")"),
              List.of(),
              inputs ->
                  judge(
                      tolerance,
                      inputs.number(KEYED) - inputs.number(DISTINCT),
                      inputs.number(RowCountCheck.ROWS),
                      keyText))
          .withSamples(samples)
          .withHolistic(DISTINCT);
    }
    String groups =
        "SELECT COUNT(*) AS copies FROM "
            + context.from()
            + Sql.where(context, notNull)
            + " GROUP BY "
            + String.join(", ", quoted)
            + " HAVING COUNT(*) > 1";
    String sql = "SELECT COALESCE(SUM(copies - 1), 0) FROM (" + groups + ") d";
    return new CheckPlan(
            Map.of(RowCountCheck.ROWS, RowCountCheck.COUNT_ALL),
            List.of(new CheckPlan.CheckQuery("duplicate keys " + keyText, sql)),
            inputs ->
                judge(
                    tolerance,
                    dev.nines.source.Values.number(inputs.query(0).first(0)).orElse(0.0),
                    inputs.number(RowCountCheck.ROWS),
                    keyText))
        .withSamples(samples);
  }

  /** No query: the catalog guarantees the key unique, so there is nothing to count. */
  private static Outcome fromCatalog(Tolerance tolerance, String key, String uniqueBy) {
    Outcome judged = judge(tolerance, 0, 0, key);
    return new Outcome(
        judged.status(),
        0.0,
        judged.expectation(),
        "no row repeats a key (" + key + "): the catalog guarantees it unique (" + uniqueBy + ")",
        List.of(),
        judged.measurements(),
        null);
  }

  private static Outcome judge(Tolerance tolerance, double extra, double rows, String key) {
    String finding = "repeat a key (" + key + ") already seen";
    return tolerance.judge(
        extra, rows, "duplicates", finding, "duplicate_count", "duplicate_percent", List.of());
  }
}
