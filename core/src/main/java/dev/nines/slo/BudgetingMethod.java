package dev.nines.slo;

/** How an SLO counts what is good: events, or slices of time. */
public enum BudgetingMethod {
  /** Good events over valid events, e.g. check runs that passed; the budget is a count. */
  OCCURRENCES,
  /** Good time over all time of the window; the budget is a duration. */
  TIMESLICES;

  /** The spec's word for it. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
