package dev.nines.check.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nines.observation.Bounds;
import dev.nines.observation.Expectation;
import dev.nines.observation.Status;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleFunction;

/**
 * The {@code min}/{@code max} bounds of a check, with the warn level in a nested {@code warn: {min,
 * max}}.
 */
public record Range(Bounds fail, Bounds warn) {
  public static final Set<String> KEYS = Set.of("min", "max");

  /** Validates min, max and warn.{min,max}; true when any bound is given. */
  public static boolean validate(Options options) {
    Double min = options.check("min", Options::number);
    Double max = options.check("max", Options::number);
    if (min != null && max != null && min > max) {
      options.problem("max", "is lower than min (" + Texts.number(min) + ")", null);
    }
    boolean hasWarn = options.checkObject("warn");
    Double warnMin = null;
    Double warnMax = null;
    if (hasWarn) {
      options.allowOnly("warn", KEYS);
      warnMin = options.check("warn.min", Options::number);
      warnMax = options.check("warn.max", Options::number);
      if (warnMin != null && warnMax != null && warnMin > warnMax) {
        options.problem("warn.max", "is lower than warn.min", null);
      }
    }
    return min != null || max != null || warnMin != null || warnMax != null;
  }

  /** Reads validated options. */
  public static Range read(ObjectNode options) {
    return new Range(
        new Bounds(numberAt(options, "min"), numberAt(options, "max")),
        new Bounds(numberAt(options, "warn.min"), numberAt(options, "warn.max")));
  }

  private static Double numberAt(ObjectNode options, String path) {
    var node = Options.node(options, path);
    return node == null ? null : Options.number(node);
  }

  /** The JSON Schema properties {@code min}, {@code max}, {@code warn}. */
  public static Map<String, ObjectNode> schema(String what) {
    Map<String, ObjectNode> properties = new LinkedHashMap<>();
    properties.put("min", Schemas.number("fail when " + what + " is below"));
    properties.put("max", Schemas.number("fail when " + what + " is above"));
    properties.put(
        "warn",
        Schemas.object(
            Map.of(
                "min", Schemas.number("warn when " + what + " is below"),
                "max", Schemas.number("warn when " + what + " is above"))));
    return properties;
  }

  /** The expectation, e.g. {@code rows ≥ 1,000 (fail), rows ≥ 5,000 (warn)}. */
  public Expectation expectation(String label, String unit, DoubleFunction<String> format) {
    String failText = text(fail, label, format);
    String warnText = text(warn, label, format);
    String text;
    if (warn.isEmpty()) {
      text = failText;
    } else if (fail.isEmpty()) {
      text = warnText + " (warn)";
    } else {
      text = failText + " (fail), " + warnText + " (warn)";
    }
    return new Expectation(fail, warn, unit, text);
  }

  /** The bound broken at the given status, for messages: {@code expected rows ≥ 1,000}. */
  public String broken(Status status, String label, DoubleFunction<String> format) {
    Bounds bounds = status == Status.FAIL ? fail : warn;
    String level = status == Status.FAIL ? "fail" : "warn";
    return "(" + level + ": expected " + text(bounds, label, format) + ")";
  }

  public static String text(Bounds bounds, String label, DoubleFunction<String> format) {
    if (bounds.isEmpty()) {
      return "any " + label;
    }
    if (bounds.min() != null && bounds.max() != null) {
      return format.apply(bounds.min()) + " ≤ " + label + " ≤ " + format.apply(bounds.max());
    }
    return bounds.min() != null
        ? label + " ≥ " + format.apply(bounds.min())
        : label + " ≤ " + format.apply(bounds.max());
  }
}
