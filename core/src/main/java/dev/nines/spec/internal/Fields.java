package dev.nines.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nines.spec.Problems;
import dev.nines.spec.Values;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Typed reads of spec values that add a problem naming the place, instead of throwing, when a value
 * has the wrong shape. Every method returns null (or empty) after reporting.
 */
public final class Fields {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,127}");

  private final Problems problems;

  public Fields(Problems problems) {
    this.problems = problems;
  }

  public Problems problems() {
    return problems;
  }

  /** How a value's kind is named in messages. */
  public static String kind(JsonNode node) {
    if (node.isObject()) {
      return "a map";
    } else if (node.isArray()) {
      return "a list";
    } else if (node.isTextual()) {
      return "text";
    } else if (node.isNumber()) {
      return "a number";
    } else if (node.isBoolean()) {
      return "true/false";
    }
    return "nothing";
  }

  /** Whether the value is a map; reports it when not. */
  public boolean map(Located value, String expected) {
    if (value.node().isObject()) {
      return true;
    }
    wrongKind(value, expected);
    return false;
  }

  /** Adds a problem for a value that is not what {@code expected} describes. */
  public void wrongKind(Located value, String expected) {
    problems.add(
        value.location(), value.field(), "expected " + expected + ", got " + kind(value.node()));
  }

  /** Reports every key of a map that is not known, with the nearest known one as a suggestion. */
  public void rejectUnknownKeys(Located map, Collection<String> known, String where) {
    for (Located member : map.members()) {
      if (!known.contains(member.key())) {
        problems.add(
            member.keyLocation(),
            member.field(),
            "unknown key '"
                + member.key()
                + "' in "
                + where
                + Suggestions.didYouMean(member.key(), known),
            "known keys: " + String.join(", ", known));
      }
    }
  }

  /** A scalar as text, or null when absent; numbers and booleans are taken as written. */
  public String text(Located value) {
    if (value.isAbsent()) {
      return null;
    }
    JsonNode node = value.node();
    if (node.isValueNode()) {
      return node.asText();
    }
    wrongKind(value, "text");
    return null;
  }

  /** Like {@link #text} but a missing value is a problem at the parent's key. */
  public String requiredText(Located parent, String key, String what) {
    Located value = parent.child(key);
    if (value.isAbsent()) {
      problems.add(parent.keyLocation(), value.field(), what + " needs '" + key + "'");
      return null;
    }
    String text = text(value);
    if (text != null && text.isBlank()) {
      problems.add(value.location(), value.field(), "must not be empty");
      return null;
    }
    return text;
  }

  /** A duration such as {@code 15m}, or null when absent. */
  public Duration duration(Located value) {
    if (value.isAbsent()) {
      return null;
    }
    if (!value.node().isTextual()) {
      wrongKind(value, "a duration such as 30s, 15m or 12h");
      return null;
    }
    try {
      Duration duration = Values.duration(value.node().textValue());
      if (duration.isZero() || duration.isNegative()) {
        problems.add(value.location(), value.field(), "must be longer than zero");
        return null;
      }
      return duration;
    } catch (IllegalArgumentException e) {
      problems.add(value.location(), value.field(), e.getMessage());
      return null;
    }
  }

  /** A whole number of at least 1, or null when absent. */
  public Integer positiveInt(Located value) {
    if (value.isAbsent()) {
      return null;
    }
    if (!value.node().isIntegralNumber() || !value.node().canConvertToInt()) {
      wrongKind(value, "a whole number");
      return null;
    }
    int number = value.node().intValue();
    if (number < 1) {
      problems.add(value.location(), value.field(), "must be at least 1, got " + number);
      return null;
    }
    return number;
  }

  /** A list of texts; absent is empty. */
  public List<String> textList(Located value) {
    List<String> texts = new ArrayList<>();
    if (value.isAbsent()) {
      return texts;
    }
    if (!value.node().isArray()) {
      problems.add(
          value.location(),
          value.field(),
          "expected a list, got " + kind(value.node()),
          "write [a, b] or one '- item' per line");
      return texts;
    }
    for (Located item : value.items()) {
      String text = text(item);
      if (text != null) {
        texts.add(text);
      }
    }
    return texts;
  }

  /** A map of texts, in written order; absent is empty. */
  public Map<String, String> textMap(Located value, String expected) {
    Map<String, String> texts = new LinkedHashMap<>();
    if (value.isAbsent() || !map(value, expected)) {
      return texts;
    }
    for (Located member : value.members()) {
      String text = text(member);
      if (text != null) {
        texts.put(member.key(), text);
      }
    }
    return texts;
  }

  /** Reports a name of a source, dataset or check that could not be used as one. */
  public boolean validName(String name, Located at, String what) {
    if (NAME.matcher(name).matches()) {
      return true;
    }
    problems.add(
        at.keyLocation(),
        at.field(),
        "'" + name + "' is not a valid " + what + " name",
        "names are letters, digits, _ and -, starting with a letter or _");
    return false;
  }

  /** Checks a filter that is ANDed into a WHERE clause; returns it, or null when bad. */
  public String filter(Located value) {
    String text = text(value);
    if (text == null) {
      return null;
    }
    var problem = SqlText.filterProblem(text);
    if (problem.isPresent()) {
      problems.add(
          value.location(),
          value.field(),
          "the filter " + problem.get(),
          "write one SQL condition such as status = 'paid'");
      return null;
    }
    return text;
  }
}
