package dev.nines.slo;

import dev.nines.observation.Status;

/**
 * How a check's observations count for an occurrences SLI: PASS is good, FAIL is bad, WARN is good
 * unless the SLO says {@code warn: bad}, and ERROR (the check could not run) is no data, counted by
 * the SLO's no-data policy.
 */
public final class CheckOutcomes {
  private CheckOutcomes() {}

  /** One observation as a tally of one event. */
  public static Tally of(Status status, boolean warnIsGood) {
    return switch (status) {
      case PASS -> new Tally(1, 0, 0);
      case WARN -> warnIsGood ? new Tally(1, 0, 0) : new Tally(0, 1, 0);
      case FAIL -> new Tally(0, 1, 0);
      case ERROR -> new Tally(0, 0, 1);
    };
  }

  /** Many observations, summed. */
  public static Tally of(Iterable<Status> statuses, boolean warnIsGood) {
    Tally total = Tally.EMPTY;
    for (Status status : statuses) {
      total = total.plus(of(status, warnIsGood));
    }
    return total;
  }
}
