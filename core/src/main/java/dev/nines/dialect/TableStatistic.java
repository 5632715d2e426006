package dev.nines.dialect;

import java.util.Objects;

/**
 * One number a database tells about a table (its size in bytes, how often it was read), with where
 * the number comes from; or why the database cannot tell.
 *
 * @param value the number, null when not known
 * @param basis where the number comes from and what it covers, or why it is not known
 */
public record TableStatistic(Long value, String basis) {
  public TableStatistic {
    Objects.requireNonNull(basis, "basis");
  }

  /** A number the database told, and from where. */
  public static TableStatistic known(long value, String basis) {
    return new TableStatistic(value, basis);
  }

  /** The database cannot tell, and why. */
  public static TableStatistic unknown(String why) {
    return new TableStatistic(null, why);
  }

  public boolean isKnown() {
    return value != null;
  }
}
