package dev.nines.slo;

/**
 * Counts behind an SLI over some span: good, bad and without data. The unit is an event for
 * occurrences and one slice of time for time slices (a millisecond for exact time).
 */
public record Tally(long good, long bad, long noData) {
  public static final Tally EMPTY = new Tally(0, 0, 0);

  public Tally {
    if (good < 0 || bad < 0 || noData < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }

  public Tally plus(Tally other) {
    return new Tally(good + other.good, bad + other.bad, noData + other.noData);
  }

  /** The counts once units without data are counted as the policy says. */
  public Tally counting(NoDataPolicy policy) {
    return switch (policy) {
      case BAD -> new Tally(good, bad + noData, 0);
      case GOOD -> new Tally(good + noData, bad, 0);
      case IGNORE -> new Tally(good, bad, 0);
    };
  }

  /** Good plus bad: what the SLI is taken over. */
  public long valid() {
    return good + bad;
  }
}
