package dev.nines.observation;

/**
 * An inclusive range a value must stay in; either end may be null (open). Values are plain numbers
 * in the check's unit (rows, seconds, a ratio 0..1 for percentages).
 */
public record Bounds(Double min, Double max) {
  public static final Bounds NONE = new Bounds(null, null);

  public boolean isEmpty() {
    return min == null && max == null;
  }

  public boolean contains(double value) {
    return (min == null || value >= min) && (max == null || value <= max);
  }
}
