package dev.nines.check.internal;

import java.util.Locale;

/**
 * A tolerance written either as a count of rows ({@code 10}) or as a share of rows ({@code "2%"}).
 */
public record Limit(double amount, boolean percent) {
  public Limit {
    if (amount < 0 || Double.isNaN(amount)) {
      throw new IllegalArgumentException("a limit cannot be negative");
    }
  }

  public static final Limit ZERO = new Limit(0, false);

  /** The limit as a number of rows out of {@code rows}. */
  public double rowsOf(double rows) {
    return percent ? amount * rows : amount;
  }

  /** As written: {@code 10} or {@code 2%}. */
  @Override
  public String toString() {
    return percent ? Texts.percent(amount) : Texts.count(amount);
  }

  /** As written, with the count it means now: {@code 2% (= 20 rows)}. */
  public String describe(double rows) {
    if (!percent) {
      return toString();
    }
    return String.format(
        Locale.ROOT, "%s of rows (%s)", this, Texts.count(Math.floor(rowsOf(rows))));
  }
}
