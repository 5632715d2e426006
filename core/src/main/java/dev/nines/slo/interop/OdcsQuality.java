package dev.nines.slo.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.slo.interop.ImportIssue.Level;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns ODCS v3 quality rules into Nines checks: library metrics {@code nullValues}, {@code
 * missingValues}, {@code invalidValues}, {@code duplicateValues}, {@code rowCount}, and {@code sql}
 * rules. Count metrics take upper bounds only (max); {@code rowCount} and {@code sql} take any
 * bound but not {@code mustNotBe} or {@code mustNotBeBetween}.
 */
final class OdcsQuality {
  private static final Set<String> USED =
      Set.of(
          "id",
          "name",
          "description",
          "type",
          "metric",
          "rule",
          "arguments",
          "unit",
          "query",
          "mustBe",
          "mustNotBe",
          "mustBeGreaterThan",
          "mustBeGreaterOrEqualTo",
          "mustBeLessThan",
          "mustBeLessOrEqualTo",
          "mustBeBetween",
          "mustNotBeBetween");
  private static final List<String> COMPARATORS =
      USED.stream().filter(k -> k.startsWith("must")).sorted().toList();

  private final Consumer<ImportIssue> issues;

  OdcsQuality(Consumer<ImportIssue> issues) {
    this.issues = issues;
  }

  /** The check for one rule, or null (reported). {@code column} is null for schema-level rules. */
  ObjectNode check(JsonNode rule, String column, String path) {
    rule.fieldNames()
        .forEachRemaining(
            key -> {
              if (!USED.contains(key)) {
                issues.accept(new ImportIssue(Level.UNSUPPORTED, path + "." + key, "not imported"));
              }
            });
    String type = Documents.text(rule, "type");
    String metric = Documents.text(rule, "metric");
    if (rule.has("rule") && metric == null) {
      return error(path + ".rule", "v3.0 'rule' is not read: write the v3.1 'metric'");
    }
    if (type == null) {
      type = metric != null ? "library" : null;
    }
    if ("sql".equals(type)) {
      return sql(rule, path);
    }
    if (!"library".equals(type)) {
      return error(
          path + ".type",
          "a "
              + (type == null ? "rule without type or metric" : type + " rule")
              + " cannot run in Nines: use a library metric or sql");
    }
    List<String> comparators = COMPARATORS.stream().filter(rule::has).toList();
    if (comparators.size() != 1) {
      return error(path, "needs exactly one comparator such as mustBe, got " + comparators);
    }
    String comparator = comparators.get(0);
    JsonNode bound = rule.get(comparator);
    boolean percent = "percent".equals(Documents.text(rule, "unit"));
    JsonNode arguments = rule.path("arguments");
    ObjectNode options = Documents.object();
    String checkType;
    switch (metric == null ? "" : metric) {
      case "nullValues", "missingValues" -> {
        checkType = "missing";
        if (!column(options, column, path)) {
          return null;
        }
        if (metric.equals("missingValues") && arguments.has("missingValues")) {
          ArrayNode values = options.putArray("values");
          arguments
              .get("missingValues")
              .forEach(
                  value -> {
                    if (!value.isNull()) {
                      values.add(value);
                    }
                  });
        }
        if (!upperBound(options, "max", comparator, bound, percent, path)) {
          return null;
        }
      }
      case "invalidValues" -> {
        checkType = "valid";
        if (!column(options, column, path)) {
          return null;
        }
        if (arguments.has("validValues")) {
          options.set("values", arguments.get("validValues"));
        }
        if (arguments.has("pattern")) {
          options.set("regex", arguments.get("pattern"));
        }
        if (!options.has("values") && !options.has("regex")) {
          return error(path + ".arguments", "invalidValues needs validValues or pattern");
        }
        if (!upperBound(options, "max_invalid", comparator, bound, percent, path)) {
          return null;
        }
      }
      case "duplicateValues" -> {
        checkType = "duplicates";
        if (column != null) {
          options.put("column", column);
        } else if (arguments.path("properties").isArray()) {
          options.set("columns", arguments.get("properties"));
        } else {
          return error(path + ".arguments", "a schema-level duplicateValues needs properties");
        }
        if (!upperBound(options, "max", comparator, bound, percent, path)) {
          return null;
        }
      }
      case "rowCount" -> {
        checkType = "row_count";
        if (percent) {
          return error(path + ".unit", "a row count is in rows, not percent");
        }
        if (!bounds(options, comparator, bound, true, path)) {
          return null;
        }
      }
      default -> {
        return error(path + ".metric", "metric '" + metric + "' is not one Nines can check");
      }
    }
    describe(rule, options);
    ObjectNode check = Documents.object();
    check.set(checkType, options);
    return check;
  }

  private ObjectNode sql(JsonNode rule, String path) {
    String query = Documents.text(rule, "query");
    if (query == null) {
      return error(path, "an sql rule needs a query");
    }
    List<String> comparators = COMPARATORS.stream().filter(rule::has).toList();
    if (comparators.size() != 1) {
      return error(path, "needs exactly one comparator such as mustBe, got " + comparators);
    }
    ObjectNode options = Documents.object();
    options.put("query", query.strip());
    if (!bounds(options, comparators.get(0), rule.get(comparators.get(0)), false, path)) {
      return null;
    }
    describe(rule, options);
    ObjectNode check = Documents.object();
    check.set("sql", options);
    return check;
  }

  /** Name and description; an sql check needs a name, so the rule's id is used when it has none. */
  private static void describe(JsonNode rule, ObjectNode options) {
    String name = Documents.text(rule, "name");
    if (name == null) {
      name = Documents.text(rule, "id");
    }
    if (name != null) {
      options.put("name", name.replaceAll("[^A-Za-z0-9_-]", "_"));
    }
    String description = Documents.text(rule, "description");
    if (description != null) {
      options.put("description", description);
    }
  }

  private boolean column(ObjectNode options, String column, String path) {
    if (column == null) {
      error(path + ".metric", "this metric is about a property: put the rule under the property");
      return false;
    }
    options.put("column", column);
    return true;
  }

  /** Count metrics: only "at most". */
  private boolean upperBound(
      ObjectNode options,
      String key,
      String comparator,
      JsonNode bound,
      boolean percent,
      String path) {
    if (!bound.isNumber()) {
      error(path + "." + comparator, "expected a number");
      return false;
    }
    BigDecimal value = bound.decimalValue();
    switch (comparator) {
      case "mustBe", "mustBeLessOrEqualTo" -> {}
      case "mustBeLessThan" -> {
        if (percent) {
          issues.accept(
              new ImportIssue(
                  Level.UNSUPPORTED,
                  path + "." + comparator,
                  "read as at most: Nines limits include the value"));
        } else {
          value = value.subtract(BigDecimal.ONE);
        }
      }
      default -> {
        error(
            path + "." + comparator,
            "a count of bad rows takes an upper bound (mustBe, mustBeLessThan, mustBeLessOrEqualTo)");
        return false;
      }
    }
    if (comparator.equals("mustBe") && value.signum() != 0) {
      issues.accept(
          new ImportIssue(
              Level.UNSUPPORTED,
              path + ".mustBe",
              "read as at most " + value.toPlainString() + ": Nines limits are upper bounds"));
    }
    if (percent) {
      options.put(key, value.stripTrailingZeros().toPlainString() + "%");
    } else {
      options.put(key, value.longValue());
    }
    return true;
  }

  /** Row counts and sql values: min and max. */
  private boolean bounds(
      ObjectNode options, String comparator, JsonNode bound, boolean whole, String path) {
    if (comparator.equals("mustBeBetween")) {
      if (!bound.isArray()
          || bound.size() != 2
          || !bound.get(0).isNumber()
          || !bound.get(1).isNumber()) {
        error(path + ".mustBeBetween", "expected [low, high]");
        return false;
      }
      options.set("min", bound.get(0));
      options.set("max", bound.get(1));
      return true;
    }
    if (!bound.isNumber()) {
      error(path + "." + comparator, "expected a number");
      return false;
    }
    BigDecimal value = bound.decimalValue();
    BigDecimal step = whole ? BigDecimal.ONE : BigDecimal.ZERO;
    if (!whole && (comparator.equals("mustBeGreaterThan") || comparator.equals("mustBeLessThan"))) {
      issues.accept(
          new ImportIssue(
              Level.UNSUPPORTED,
              path + "." + comparator,
              "read as inclusive: Nines limits include the value"));
    }
    switch (comparator) {
      case "mustBe" -> {
        options.put("min", value);
        options.put("max", value);
      }
      case "mustBeGreaterThan" -> options.put("min", value.add(step));
      case "mustBeGreaterOrEqualTo" -> options.put("min", value);
      case "mustBeLessThan" -> options.put("max", value.subtract(step));
      case "mustBeLessOrEqualTo" -> options.put("max", value);
      default -> {
        error(
            path + "." + comparator,
            comparator + " has no Nines equivalent: use bounds that must hold");
        return false;
      }
    }
    return true;
  }

  private ObjectNode error(String path, String message) {
    issues.accept(new ImportIssue(Level.ERROR, path, message));
    return null;
  }
}
