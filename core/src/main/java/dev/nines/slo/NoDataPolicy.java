package dev.nines.slo;

/**
 * How a time slice without any data counts. The default is {@link #BAD}: no data is not good data
 * (a check that did not run cannot vouch for the dataset).
 */
public enum NoDataPolicy {
  /** Counts as bad time: it spends budget. */
  BAD,
  /** Counts as good time. */
  GOOD,
  /** Left out of the SLI: neither good nor bad, the SLI is taken over the time with data. */
  IGNORE;

  /** The spec's word for it. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
