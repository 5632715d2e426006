package dev.nines.testing;

import java.time.Duration;

/**
 * Known faults planted in a generated orders table; each fault hits its own rows so every count is
 * exact.
 *
 * @param staleness how old the newest row is
 * @param duplicateKeys extra rows repeating an existing order_id
 * @param missingCustomers rows with a NULL customer_id
 * @param orphanCustomers rows whose customer_id is not in customers
 * @param negativeAmounts rows with amount below 0
 * @param badStatuses rows whose status is not new, paid or shipped
 * @param badEmails rows whose email does not look like one
 */
public record Faults(
    Duration staleness,
    int duplicateKeys,
    int missingCustomers,
    int orphanCustomers,
    int negativeAmounts,
    int badStatuses,
    int badEmails) {
  public static Faults none() {
    return new Faults(Duration.ofMinutes(5), 0, 0, 0, 0, 0, 0);
  }

  /** Some of everything: 30h stale, 3 duplicates, 4 nulls, 2 orphans, 5 negatives, 2+3 invalid. */
  public static Faults typical() {
    return new Faults(Duration.ofHours(30), 3, 4, 2, 5, 2, 3);
  }

  int faultyRows() {
    return missingCustomers + orphanCustomers + negativeAmounts + badStatuses + badEmails;
  }
}
