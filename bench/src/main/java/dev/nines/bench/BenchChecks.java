package dev.nines.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The benchmark's 40 checks on {@link OrdersTable}, every one of a kind that pushed-down
 * aggregation can serve: freshness, row_count, 12 missing, 2 duplicates, 14 valid, 10 metric.
 */
public final class BenchChecks {
  /** How many checks {@link #all} returns. */
  public static final int COUNT = 40;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String T = OrdersTable.NAME;

  private final BenchDatabase database;
  private final List<BenchCheck> checks = new ArrayList<>();

  private BenchChecks(BenchDatabase database) {
    this.database = database;
  }

  /** All 40 checks, with naive queries in the database's SQL. */
  public static List<BenchCheck> all(BenchDatabase database) {
    BenchChecks builder = new BenchChecks(database);
    builder.addAll();
    return List.copyOf(builder.checks);
  }

  private void addAll() {
    add(
        "freshness",
        "freshness",
        options("column", "updated_at", "warn", "12h", "fail", "24h"),
        "select max(updated_at) from " + T);
    add("row_count", "row_count", options("min", 1000), "select count(*) from " + T);

    for (String column :
        List.of(
            "order_ts",
            "updated_at",
            "order_date",
            "amount",
            "quantity",
            "status",
            "country",
            "sku",
            "currency")) {
      missing(column, options("column", column), column + " is null", false);
    }
    missing(
        "customer_id", options("column", "customer_id", "max", "2%"), "customer_id is null", true);
    missing("channel", options("column", "channel", "max", "3%"), "channel is null", true);
    missing(
        "email",
        options("column", "email", "values", List.of("", "N/A"), "max", "5%"),
        "email is null or email in ('', 'N/A')",
        true);

    for (String column : List.of("id", "sku")) {
      add(
          "duplicates",
          "duplicates_" + column,
          options("column", column),
          "select coalesce(sum(copies - 1), 0) from (select "
              + column
              + ", count(*) as copies from "
              + T
              + " where "
              + column
              + " is not null group by "
              + column
              + " having count(*) > 1) as repeated");
    }

    valid(
        "amount",
        options("column", "amount", "min", 0, "max", 100000),
        "amount < 0 or amount > 100000",
        false);
    valid(
        "quantity",
        options("column", "quantity", "min", 1, "max", 100),
        "quantity < 1 or quantity > 100",
        false);
    valid(
        "discount",
        options("column", "discount", "min", 0, "max", 1),
        "discount < 0 or discount > 1",
        false);
    valid(
        "score",
        options("column", "score", "min", 0, "max", 100),
        "score < 0 or score > 100",
        false);
    valid(
        "weight_kg",
        options("column", "weight_kg", "min", 0, "max", 100),
        "weight_kg < 0 or weight_kg > 100",
        false);
    valid(
        "status",
        options("column", "status", "values", OrdersTable.STATUSES),
        "status not in " + list(OrdersTable.STATUSES),
        false);
    valid(
        "currency",
        options("column", "currency", "values", OrdersTable.CURRENCIES),
        "currency not in " + list(OrdersTable.CURRENCIES),
        false);
    valid(
        "channel",
        options("column", "channel", "values", OrdersTable.CHANNELS),
        "channel not in " + list(OrdersTable.CHANNELS),
        false);
    valid(
        "country",
        options(
            "column",
            "country",
            "values",
            OrdersTable.COUNTRIES,
            "length",
            Map.of("min", 2, "max", 2)),
        "country not in "
            + list(OrdersTable.COUNTRIES)
            + " or length(country) < 2 or length(country) > 2",
        false);
    valid(
        "sku",
        options("column", "sku", "regex", "^SKU-[0-9]{8}$"),
        database.regexMismatch("sku", "^SKU-[0-9]{8}$"),
        false);
    valid(
        "email",
        options("column", "email", "regex", "^[a-z0-9.]+@[a-z0-9.]+$", "max_invalid", "1%"),
        database.regexMismatch("email", "^[a-z0-9.]+@[a-z0-9.]+$"),
        true);
    valid(
        "notes",
        options("column", "notes", "length", Map.of("max", 60)),
        "length(notes) > 60",
        false);
    valid(
        "order_ts",
        options("column", "order_ts", "not_future", true),
        "order_ts > " + database.utcNowWithoutZone(),
        false);
    valid(
        "order_date",
        options("column", "order_date", "not_future", true),
        "order_date > current_date",
        false);

    metric("avg", "amount", options("column", "amount", "stat", "avg", "min", 1, "max", 10000));
    metric("min", "amount", options("column", "amount", "stat", "min", "min", 0));
    metric("max", "amount", options("column", "amount", "stat", "max", "max", 100000));
    metric("stddev", "amount", options("column", "amount", "stat", "stddev", "max", 10000));
    metric("sum", "quantity", options("column", "quantity", "stat", "sum", "min", 1));
    metric("avg", "score", options("column", "score", "stat", "avg", "min", 10, "max", 90));
    metric("max", "weight_kg", options("column", "weight_kg", "stat", "max", "max", 100));
    metric(
        "distinct_count",
        "status",
        options("column", "status", "stat", "distinct_count", "min", 3, "max", 10));
    metric(
        "distinct_count",
        "customer_id",
        options("column", "customer_id", "stat", "distinct_count", "min", 1000));
    add(
        "metric",
        "p95_amount",
        options("column", "amount", "stat", "percentile", "percentile", 0.95, "max", 10000),
        "select " + database.percentile("amount", 0.95) + " from " + T);
  }

  private void missing(String column, ObjectNode options, String condition, boolean ratio) {
    add("missing", "missing_" + column, options, countWhere(condition, ratio));
  }

  private void valid(String column, ObjectNode options, String broken, boolean ratio) {
    String condition = column + " is not null and (" + broken + ")";
    add("valid", "valid_" + column, options, countWhere(condition, ratio));
  }

  private void metric(String stat, String column, ObjectNode options) {
    String aggregate =
        stat.equals("distinct_count")
            ? "count(distinct " + column + ")"
            : stat + "(" + column + ")";
    add("metric", stat + "_" + column, options, "select " + aggregate + " from " + T);
  }

  /** A count of rows matching, or (for a percentage tolerance) their share of all rows. */
  private static String countWhere(String condition, boolean ratio) {
    if (ratio) {
      return "select sum(case when " + condition + " then 1 else 0 end) * 1.0 / count(*) from " + T;
    }
    return "select count(*) from " + T + " where " + condition;
  }

  private void add(String type, String name, ObjectNode options, String naiveSql) {
    boolean singlePass =
        !type.equals("duplicates")
            && !name.startsWith("distinct_count_")
            && !name.startsWith("p95_");
    checks.add(new BenchCheck(type, name, options, naiveSql, singlePass));
  }

  private static String list(List<String> values) {
    return values.stream()
        .map(value -> "'" + value + "'")
        .collect(Collectors.joining(", ", "(", ")"));
  }

  /** An options object from alternating keys and values, as YAML would give it. */
  static ObjectNode options(Object... keysAndValues) {
    ObjectNode node = JSON.objectNode();
    for (int index = 0; index < keysAndValues.length; index += 2) {
      node.set((String) keysAndValues[index], json(keysAndValues[index + 1]));
    }
    return node;
  }

  private static JsonNode json(Object value) {
    if (value instanceof String text) {
      return JSON.textNode(text);
    }
    if (value instanceof Integer number) {
      return JSON.numberNode(number);
    }
    if (value instanceof Double number) {
      return JSON.numberNode(number);
    }
    if (value instanceof Boolean flag) {
      return JSON.booleanNode(flag);
    }
    if (value instanceof List<?> items) {
      ArrayNode array = JSON.arrayNode();
      items.forEach(item -> array.add(json(item)));
      return array;
    }
    if (value instanceof Map<?, ?> entries) {
      ObjectNode object = JSON.objectNode();
      entries.forEach((key, item) -> object.set((String) key, json(item)));
      return object;
    }
    throw new IllegalArgumentException("no JSON form for " + value);
  }
}
