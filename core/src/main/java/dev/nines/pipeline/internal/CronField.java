package dev.nines.pipeline.internal;

import dev.nines.pipeline.InvalidCronException;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * One field of a cron expression: the set of values it allows, read from {@code *}, {@code ?},
 * lists, ranges, steps and (for months and weekdays) three-letter names.
 *
 * @param name the field as people call it, e.g. {@code hour}
 * @param min smallest value allowed
 * @param max largest value allowed
 * @param values the allowed values
 * @param wildcard whether it was written as {@code *} or {@code ?} (matters for the day fields)
 */
public record CronField(String name, int min, int max, BitSet values, boolean wildcard) {
  public CronField {
    values = (BitSet) values.clone();
  }

  /** A copy of the allowed values. */
  @Override
  public BitSet values() {
    return (BitSet) values.clone();
  }

  /** Whether the field allows the value. */
  public boolean allows(int value) {
    return values.get(value);
  }

  /** The smallest allowed value at or above {@code from}, or -1. */
  public int nextAllowed(int from) {
    return from > max ? -1 : values.nextSetBit(Math.max(from, min));
  }

  /** The largest allowed value at or below {@code from}, or -1. */
  public int previousAllowed(int from) {
    return from < min ? -1 : values.previousSetBit(Math.min(from, max));
  }

  /** The smallest allowed value. */
  public int first() {
    return values.nextSetBit(min);
  }

  /**
   * Reads one field.
   *
   * @param names spelled values (index 0 is {@code min}), or empty
   * @throws InvalidCronException naming the field and the part at fault
   */
  public static CronField parse(String text, String name, int min, int max, List<String> names) {
    BitSet values = new BitSet(max + 1);
    boolean wildcard = text.equals("*") || text.equals("?");
    for (String part : text.split(",", -1)) {
      if (part.isEmpty()) {
        throw new InvalidCronException(name, name + " '" + text + "' has an empty list item");
      }
      addPart(part, name, min, max, names, values);
    }
    return new CronField(name, min, max, values, wildcard);
  }

  private static void addPart(
      String part, String name, int min, int max, List<String> names, BitSet values) {
    String range = part;
    int step = 1;
    int slash = part.indexOf('/');
    if (slash >= 0) {
      range = part.substring(0, slash);
      step = number(part.substring(slash + 1), name, part);
      if (step < 1) {
        throw new InvalidCronException(name, name + " step in '" + part + "' must be at least 1");
      }
    }
    int low;
    int high;
    if (range.equals("*") || range.equals("?")) {
      low = min;
      high = max;
    } else if (range.contains("-")) {
      int dash = range.indexOf('-');
      low = value(range.substring(0, dash), name, min, max, names);
      high = value(range.substring(dash + 1), name, min, max, names);
      if (high < low) {
        throw new InvalidCronException(
            name, name + " range '" + range + "' runs backwards: write the smaller value first");
      }
    } else {
      low = value(range, name, min, max, names);
      // "5/15" means from 5 to the end, every 15
      high = slash >= 0 ? max : low;
    }
    for (int value = low; value <= high; value += step) {
      values.set(value);
    }
  }

  private static int value(String text, String name, int min, int max, List<String> names) {
    int index = names.indexOf(text.toUpperCase(Locale.ROOT));
    if (index >= 0) {
      return min + index;
    }
    int value = number(text, name, text);
    if (value < min || value > max) {
      throw new InvalidCronException(
          name, name + " " + value + " is out of range " + min + "-" + max);
    }
    return value;
  }

  private static int number(String text, String name, String part) {
    if (text.isEmpty() || !text.chars().allMatch(Character::isDigit) || text.length() > 4) {
      throw new InvalidCronException(
          name,
          name
              + " '"
              + part
              + "' is not a number"
              + (part.matches(".*[LW#].*") ? " (L, W and # are not supported)" : ""));
    }
    return Integer.parseInt(text);
  }
}
