package dev.nines.check.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.spec.CheckSpec;
import dev.nines.spec.Identifiers;
import dev.nines.spec.Problems;
import dev.nines.spec.Values;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads and validates the options of one check. Validation methods add a problem naming the field;
 * the static readers assume options that passed validation.
 */
public final class Options {
  private final CheckSpec spec;
  private final Problems problems;

  public Options(CheckSpec spec, Problems problems) {
    this.spec = spec;
    this.problems = problems;
  }

  /** The dotted field of an option, e.g. {@code datasets.orders.checks[1].missing.max}. */
  public String field(String path) {
    return spec.field() + "." + spec.type() + (path.isEmpty() ? "" : "." + path);
  }

  public void problem(String path, String message, String hint) {
    String topKey = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
    problems.add(spec.locationOf(topKey), field(path), message, hint);
  }

  /** Reports keys other than {@code allowed}, at the top level or inside {@code parent}. */
  public void allowOnly(String parent, Set<String> allowed) {
    JsonNode node = parent.isEmpty() ? options() : node(options(), parent);
    if (node == null || !node.isObject()) {
      return;
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        String path = parent.isEmpty() ? name : parent + "." + name;
        problem(
            path,
            "unknown option '" + name + "'",
            "allowed here: " + String.join(", ", new java.util.TreeSet<>(allowed)));
      }
    }
  }

  /** Reports a missing required option; true when present. */
  public boolean require(String path) {
    if (node(options(), path) == null) {
      problem(path, "is required", null);
      return false;
    }
    return true;
  }

  /** Parses an optional option, reporting a problem when it does not parse; null when absent. */
  public <T> T check(String path, Function<JsonNode, T> parser) {
    JsonNode node = node(options(), path);
    if (node == null) {
      return null;
    }
    try {
      return parser.apply(node);
    } catch (IllegalArgumentException e) {
      problem(path, e.getMessage(), null);
      return null;
    }
  }

  /** Reports a present option that is not an object (e.g. {@code warn}). */
  public boolean checkObject(String path) {
    JsonNode node = node(options(), path);
    if (node != null && !node.isObject()) {
      problem(path, "must be a map such as { max: 10 }", null);
      return false;
    }
    return node != null;
  }

  private ObjectNode options() {
    return spec.options();
  }

  // ---- readers ----

  /** The node at a dotted path, null when absent or JSON null. */
  public static JsonNode node(ObjectNode options, String path) {
    JsonNode node = options;
    for (String part : path.split("\\.")) {
      if (node == null || !node.isObject()) {
        return null;
      }
      node = node.get(part);
    }
    return node == null || node.isNull() ? null : node;
  }

  /** A duration written as {@code 24h} or ISO {@code PT24H}. */
  public static Duration duration(JsonNode node) {
    if (!node.isTextual()) {
      throw new IllegalArgumentException("must be a duration such as 30m, 12h or 7d, not " + node);
    }
    Duration duration = Values.duration(node.asText());
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("must be a positive duration");
    }
    return duration;
  }

  /** A number. */
  public static double number(JsonNode node) {
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isTextual()) {
      try {
        return Double.parseDouble(node.asText().trim());
      } catch (NumberFormatException notANumber) {
        // reported below
      }
    }
    throw new IllegalArgumentException("must be a number, not " + node);
  }

  /** A count ({@code 10}) or a percentage ({@code "2%"}) of rows. */
  public static Limit limit(JsonNode node) {
    if (node.isTextual() && Values.isPercent(node.asText())) {
      double ratio = Values.percent(node.asText());
      if (ratio < 0 || ratio > 1) {
        throw new IllegalArgumentException("must be a percentage between 0% and 100%");
      }
      return new Limit(ratio, true);
    }
    if (node.isNumber() || node.isTextual()) {
      double count = number(node);
      if (count < 0) {
        throw new IllegalArgumentException("cannot be negative");
      }
      return new Limit(count, false);
    }
    throw new IllegalArgumentException("must be a count such as 10 or a percentage such as 2%");
  }

  /** A percentage such as {@code "30%"}, as a ratio. */
  public static double percent(JsonNode node) {
    if (node.isTextual() && Values.isPercent(node.asText())) {
      double ratio = Values.percent(node.asText());
      if (ratio < 0) {
        throw new IllegalArgumentException("cannot be negative");
      }
      return ratio;
    }
    throw new IllegalArgumentException("must be a percentage such as \"30%\", not " + node);
  }

  /** A non-empty text. */
  public static String text(JsonNode node) {
    if (!node.isTextual() || node.asText().isBlank()) {
      throw new IllegalArgumentException("must be a non-empty text");
    }
    return node.asText();
  }

  /** A plain column name. */
  public static String columnName(JsonNode node) {
    String name = text(node);
    if (!Identifiers.isPlain(name)) {
      throw new IllegalArgumentException(
          "'" + name + "' is not a column name: " + Identifiers.rule());
    }
    return name;
  }

  /** A list of texts. */
  public static List<String> texts(JsonNode node) {
    if (!node.isArray()) {
      throw new IllegalArgumentException("must be a list such as [a, b]");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isValueNode() || item.isNull()) {
        throw new IllegalArgumentException("must be a list of names or values");
      }
      values.add(item.asText());
    }
    return values;
  }

  /** A non-empty list of plain column names. */
  public static List<String> columnNames(JsonNode node) {
    List<String> names = texts(node);
    if (names.isEmpty()) {
      throw new IllegalArgumentException("must name at least one column");
    }
    for (String name : names) {
      if (!Identifiers.isPlain(name)) {
        throw new IllegalArgumentException(
            "'" + name + "' is not a column name: " + Identifiers.rule());
      }
    }
    return names;
  }

  /** True or false. */
  public static boolean bool(JsonNode node) {
    if (!node.isBoolean()) {
      throw new IllegalArgumentException("must be true or false");
    }
    return node.asBoolean();
  }
}
